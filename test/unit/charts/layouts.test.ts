import { describe, expect, it } from 'vitest';
import { flowLayout } from '../../../src/charts/flow-layout.ts';
import { squarify, type TreemapTile } from '../../../src/charts/treemap-layout.ts';

const round = (t: TreemapTile) => ({ id: t.id, x0: +t.x0.toFixed(3), y0: +t.y0.toFixed(3), x1: +t.x1.toFixed(3), y1: +t.y1.toFixed(3) });

describe('squarify', () => {
	it('lays out the paper’s example (6, 6, 4, 3, 2, 2, 1 in 6 × 4) as Bruls et al. show it', () => {
		const tiles = squarify(
			[6, 6, 4, 3, 2, 2, 1].map((value, i) => ({ id: String.fromCharCode(97 + i), value })),
			{ x0: 0, y0: 0, x1: 6, y1: 4 }
		);
		// Column [6, 6] width 3; strip [4, 3] on top of the 3 × 4 rest, height 7/3; then [2], [2], [1] as columns.
		expect(tiles.map(round)).toEqual([
			{ id: 'a', x0: 0, y0: 0, x1: 3, y1: 2 },
			{ id: 'b', x0: 0, y0: 2, x1: 3, y1: 4 },
			{ id: 'c', x0: 3, y0: 0, x1: 4.714, y1: 2.333 },
			{ id: 'd', x0: 4.714, y0: 0, x1: 6, y1: 2.333 },
			{ id: 'e', x0: 3, y0: 2.333, x1: 4.2, y1: 4 },
			{ id: 'f', x0: 4.2, y0: 2.333, x1: 5.4, y1: 4 },
			{ id: 'g', x0: 5.4, y0: 2.333, x1: 6, y1: 4 }
		]);
	});

	it.each([
		{ name: 'one item fills the rect', items: [{ id: 'x', value: 5 }], n: 1 },
		{ name: 'zero and negative values get no tile', items: [{ id: 'x', value: 5 }, { id: 'y', value: 0 }, { id: 'z', value: -2 }], n: 1 },
		{ name: 'nothing positive: no tiles', items: [{ id: 'y', value: 0 }], n: 0 },
		{ name: 'ten uneven items', items: [50, 20, 10, 8, 5, 3, 2, 1, 0.5, 0.5].map((value, i) => ({ id: `s${i}`, value })), n: 10 }
	])('$name: areas are proportional and tile the rect', ({ items, n }) => {
		const rect = { x0: 0, y0: 0, x1: 640, y1: 360 };
		const tiles = squarify(items, rect);
		expect(tiles).toHaveLength(n);
		const total = items.filter((d) => d.value > 0).reduce((a, d) => a + d.value, 0);
		for (const t of tiles) {
			expect((t.x1 - t.x0) * (t.y1 - t.y0)).toBeCloseTo((t.value / total) * 640 * 360, 6);
			expect(t.x0).toBeGreaterThanOrEqual(-1e-9);
			expect(t.y1).toBeLessThanOrEqual(360 + 1e-9);
		}
		// No two tiles overlap.
		for (const a of tiles) for (const b of tiles) if (a !== b) expect(Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) <= 1e-9 || Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) <= 1e-9).toBe(true);
	});
});

describe('flowLayout', () => {
	it('stacks both columns on one scale and orders bands so they do not cross inside a node', () => {
		// From A: 30 → A, 10 → B; from B: 20 → B; new: 40 → A. Height 100 + 2 gaps of 10 (left), 1 gap (right): scale = min(80, 90) / 100 = 0.8.
		const l = flowLayout(
			[
				{ from: 'A', to: 'A', value: 30 },
				{ from: 'new', to: 'A', value: 40 },
				{ from: 'A', to: 'B', value: 10 },
				{ from: 'B', to: 'B', value: 20 },
				{ from: 'B', to: 'A', value: 0 }
			],
			{ fromOrder: ['A', 'B', 'new'], toOrder: ['A', 'B'], height: 100, gap: 10 }
		);
		expect(l.scale).toBeCloseTo(0.8, 12);
		expect(l.nodes.map((n) => [n.side, n.id, n.value, +n.y0.toFixed(6), +n.y1.toFixed(6)])).toEqual([
			['from', 'A', 40, 0, 32],
			['from', 'B', 20, 42, 58],
			['from', 'new', 40, 68, 100],
			['to', 'A', 70, 0, 56],
			['to', 'B', 30, 66, 90]
		]);
		const band = (f: string, t: string) => l.links.find((k) => k.from === f && k.to === t)!;
		expect(l.links).toHaveLength(4);
		expect([band('A', 'A').sy0, band('A', 'A').sy1, band('A', 'A').ty0, band('A', 'A').ty1].map((v) => +v.toFixed(6))).toEqual([0, 24, 0, 24]);
		expect([band('A', 'B').sy0, band('A', 'B').sy1, band('A', 'B').ty0, band('A', 'B').ty1].map((v) => +v.toFixed(6))).toEqual([24, 32, 66, 74]);
		expect([band('B', 'B').sy0, band('B', 'B').ty0].map((v) => +v.toFixed(6))).toEqual([42, 74]);
		expect([band('new', 'A').sy0, band('new', 'A').ty0, band('new', 'A').ty1].map((v) => +v.toFixed(6))).toEqual([68, 24, 56]);
	});

	it('puts ids missing from the order last and returns nothing for no flow', () => {
		const l = flowLayout([{ from: 'x', to: 'y', value: 1 }, { from: 'a', to: 'y', value: 1 }], { fromOrder: ['a'], toOrder: [], height: 10, gap: 0 });
		expect(l.nodes.filter((n) => n.side === 'from').map((n) => n.id)).toEqual(['a', 'x']);
		expect(flowLayout([], { fromOrder: [], toOrder: [], height: 10 })).toEqual({ nodes: [], links: [], scale: 0 });
	});
});
