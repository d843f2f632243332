/**
 * A persona card as a PNG, drawn on a canvas from its words (never from the page's HTML: cell values
 * are drawn as text, nothing is interpreted).
 */
export function downloadCardPng(o: { title: string; subtitle: string; lines: readonly string[]; file: string }): void {
	const scale = 2;
	const width = 560;
	const lineHeight = 26;
	const height = 96 + Math.max(1, o.lines.length) * lineHeight;
	const canvas = document.createElement('canvas');
	canvas.width = width * scale;
	canvas.height = height * scale;
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	ctx.scale(scale, scale);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, width, height);
	ctx.strokeStyle = '#d0d7de';
	ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
	const font = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
	ctx.fillStyle = '#111';
	ctx.font = `600 20px ${font}`;
	ctx.fillText(o.title, 20, 36);
	ctx.fillStyle = '#555';
	ctx.font = `14px ${font}`;
	ctx.fillText(o.subtitle, 20, 60);
	ctx.fillStyle = '#222';
	ctx.font = `15px ${font}`;
	o.lines.forEach((l, i) => ctx.fillText(`• ${l}`, 20, 92 + i * lineHeight, width - 40));
	canvas.toBlob((blob) => {
		if (!blob) return;
		const url = URL.createObjectURL(blob);
		const a = document.createElement('a');
		a.href = url;
		a.download = o.file;
		document.body.append(a);
		a.click();
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}, 'image/png');
}
