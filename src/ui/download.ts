/** Saves text as a file through a temporary object URL (nothing leaves the machine). */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
	downloadBlob(fileName, new Blob([text], { type: mime }));
}

/** Saves a Blob as a file through a temporary object URL (nothing leaves the machine). */
export function downloadBlob(fileName: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
	if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
	return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
