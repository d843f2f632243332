/** Rough text width in px (CJK ≈ 1 em, Latin ≈ 0.6 em): enough to decide whether a label fits. */
export function textWidth(text: string, fontPx: number): number {
	let w = 0;
	for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontPx : fontPx * 0.6;
	return w;
}

/** The label cut to fit `widthPx` with an ellipsis, or '' when not even two characters fit. */
export function fitLabel(text: string, widthPx: number, fontPx: number): string {
	if (textWidth(text, fontPx) <= widthPx) return text;
	const chars = [...text];
	while (chars.length > 1 && textWidth(chars.join('') + '…', fontPx) > widthPx) chars.pop();
	return chars.length > 1 ? chars.join('') + '…' : '';
}
