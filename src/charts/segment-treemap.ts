import * as Plot from '@observablehq/plot';
import { fitLabel } from './label-fit.ts';
import { INK, segmentRange, textOn } from './palette.ts';
import { squarify, type TreemapTile } from './treemap-layout.ts';

export interface TreemapRow {
	segment: string;
	/** The size: customers or revenue. */
	value: number;
	/** Its share of the total, 0 … 1. */
	share: number;
}

export interface TreemapLabels {
	name: (id: string) => string;
	/** Second line of a tile, e.g. "1,234 · 12.5%". */
	detail: (value: number, share: number) => string;
}

export interface SegmentTreemapOptions {
	/** Segment ids in rule order (colours follow it). */
	segments: readonly string[];
	labels: TreemapLabels;
	width?: number;
	height?: number;
}

interface Tile extends TreemapTile {
	name: string;
	line1: string;
	line2: string;
	share: number;
}

/** Squarified tiles (pure layout) drawn with Plot.rect + text on identity scales (pixels). */
export function segmentTreemapOptions(rows: readonly TreemapRow[], o: SegmentTreemapOptions): Plot.PlotOptions {
	const { segments, labels: l, width = 640, height = 360 } = o;
	const share = new Map(rows.map((r) => [r.segment, r.share]));
	const ids = [...segments.filter((s) => share.has(s)), ...rows.map((r) => r.segment).filter((s) => !segments.includes(s))];
	const colour = new Map(ids.map((id, i) => [id, segmentRange(ids)[i]!]));
	const tiles: Tile[] = squarify(
		rows.map((r) => ({ id: r.segment, value: r.value })),
		{ x0: 0, y0: 0, x1: width, y1: height }
	).map((t) => {
		const w = t.x1 - t.x0 - 8;
		const tall = t.y1 - t.y0 >= 36;
		const s = share.get(t.id) ?? 0;
		return {
			...t,
			share: s,
			name: l.name(t.id),
			line1: t.y1 - t.y0 >= 18 ? fitLabel(l.name(t.id), w, 12) : '',
			line2: tall ? fitLabel(l.detail(t.value, s), w, 11) : ''
		};
	});
	return {
		width,
		height,
		margin: 0,
		x: { type: 'identity', axis: null },
		y: { type: 'identity', axis: null },
		marks: [
			Plot.rect(tiles, {
				x1: 'x0',
				y1: 'y0',
				x2: 'x1',
				y2: 'y1',
				fill: (t: Tile) => colour.get(t.id) ?? INK.unknown,
				stroke: INK.halo,
				strokeWidth: 1.5,
				title: (t: Tile) => `${t.name}\n${l.detail(t.value, t.share)}`,
				tip: true
			}),
			Plot.text(tiles, { x: (t: Tile) => t.x0 + 5, y: (t: Tile) => t.y0 + 5, text: 'line1', textAnchor: 'start', lineAnchor: 'top', fontSize: 12, fontWeight: 600, fill: (t: Tile) => textOn(colour.get(t.id) ?? INK.unknown) }),
			Plot.text(tiles, { x: (t: Tile) => t.x0 + 5, y: (t: Tile) => t.y0 + 21, text: 'line2', textAnchor: 'start', lineAnchor: 'top', fontSize: 11, fill: (t: Tile) => textOn(colour.get(t.id) ?? INK.unknown) })
		]
	};
}
