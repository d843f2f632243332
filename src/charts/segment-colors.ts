/** One colour per segment, stable across the plot set: the n-th segment of the rule set gets the n-th colour. */
export const SEGMENT_PALETTE = [
	'#4e79a7',
	'#f28e2c',
	'#59a14f',
	'#e15759',
	'#76b7b2',
	'#edc949',
	'#af7aa1',
	'#ff9da7',
	'#9c755f',
	'#2f6f6f',
	'#8cd17d',
	'#b6992d'
] as const;

/** The grey kept for customers no rule matched. */
export const OTHERS_COLOUR = '#bab0ab';

/** Colour range for a segment domain (ids in rule order); 'others' is always grey. */
export function segmentRange(ids: readonly string[]): string[] {
	let i = 0;
	return ids.map((id) => (id === 'others' ? OTHERS_COLOUR : SEGMENT_PALETTE[i++ % SEGMENT_PALETTE.length]!));
}

/** Black or white, whichever reads better on a #rrggbb background (relative luminance). */
export function textOn(hex: string): string {
	const m = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!m) return '#1b1b1b';
	const n = parseInt(m[1]!, 16);
	const lin = (c: number) => {
		const v = c / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	};
	const lum = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
	return lum > 0.33 ? '#1b1b1b' : '#ffffff';
}
