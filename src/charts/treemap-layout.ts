/** A squarified treemap (Bruls, Huizing & van Wijk 2000) as a pure function: no DOM, no Plot. */

export interface TreemapItem {
	id: string;
	value: number;
}

export interface Rect {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export type TreemapTile = TreemapItem & Rect;

/** The worst aspect ratio of a row of areas laid along a side of length `side`. */
function worst(areas: readonly number[], side: number): number {
	const s = areas.reduce((a, b) => a + b, 0);
	const max = Math.max(...areas);
	const min = Math.min(...areas);
	return Math.max((side * side * max) / (s * s), (s * s) / (side * side * min));
}

/**
 * Tiles `rect` with one rectangle per item, area proportional to value, as square as the greedy
 * squarified algorithm makes them. Items are taken largest first (ties by id); items with a value
 * ≤ 0 or not finite get no tile. y grows downwards (screen coordinates).
 */
export function squarify(items: readonly TreemapItem[], rect: Rect): TreemapTile[] {
	const list = items
		.filter((d) => Number.isFinite(d.value) && d.value > 0)
		.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const total = list.reduce((a, d) => a + d.value, 0);
	const w0 = rect.x1 - rect.x0;
	const h0 = rect.y1 - rect.y0;
	if (!list.length || total <= 0 || w0 <= 0 || h0 <= 0) return [];
	const scale = (w0 * h0) / total;
	const area = list.map((d) => d.value * scale);
	const out: TreemapTile[] = [];
	let { x0, y0 } = rect;
	const { x1, y1 } = rect;
	let i = 0;
	while (i < list.length) {
		const w = x1 - x0;
		const h = y1 - y0;
		const side = Math.min(w, h);
		let j = i + 1;
		while (j < list.length && worst(area.slice(i, j + 1), side) <= worst(area.slice(i, j), side)) j++;
		const row = area.slice(i, j);
		const s = row.reduce((a, b) => a + b, 0);
		const last = j === list.length;
		if (w >= h) {
			// A column on the left, items stacked top to bottom.
			const cw = last ? w : s / h;
			let y = y0;
			row.forEach((a, k) => {
				const yEnd = k === row.length - 1 ? y1 : y + a / cw;
				out.push({ ...list[i + k]!, x0, y0: y, x1: x0 + cw, y1: yEnd });
				y = yEnd;
			});
			x0 += cw;
		} else {
			// A strip on top, items side by side left to right.
			const sh = last ? h : s / w;
			let x = x0;
			row.forEach((a, k) => {
				const xEnd = k === row.length - 1 ? x1 : x + a / sh;
				out.push({ ...list[i + k]!, x0: x, y0, x1: xEnd, y1: y0 + sh });
				x = xEnd;
			});
			y0 += sh;
		}
		i = j;
	}
	return out;
}
