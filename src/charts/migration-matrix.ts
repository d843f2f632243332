import * as Plot from '@observablehq/plot';
import { INK, SCHEMES } from './palette.ts';

export interface MatrixCell {
	from: string;
	to: string;
	customers: number;
	row_share: number;
}

export interface MigrationMatrixLabels {
	name: (id: string) => string;
	from: string;
	to: string;
	rowShare: string;
	customers: string;
}

export interface MigrationMatrixOptions {
	/** Segment ids in display order: rows (earlier date) and columns (later date). */
	fromOrder: readonly string[];
	toOrder: readonly string[];
	labels: MigrationMatrixLabels;
	width?: number;
}

/** The transition matrix as a cell chart: rows = earlier segment, columns = later; colour = row %, text = count. */
export function migrationMatrixOptions(cells: readonly MatrixCell[], o: MigrationMatrixOptions): Plot.PlotOptions {
	const { labels: l, width = 760 } = o;
	const fromIds = o.fromOrder.filter((id) => cells.some((c) => c.from === id));
	const toIds = o.toOrder.filter((id) => cells.some((c) => c.to === id));
	const data = cells.map((c) => ({ ...c, fromName: l.name(c.from), toName: l.name(c.to) }));
	const cellW = Math.max(40, Math.min(70, (width - 170) / Math.max(1, toIds.length)));
	return {
		width: Math.min(width, 170 + cellW * toIds.length + 20),
		height: 130 + fromIds.length * 30,
		marginLeft: 160,
		marginBottom: 90,
		padding: 0.03,
		x: { label: l.to, domain: toIds.map(l.name), tickRotate: -35 },
		y: { label: l.from, domain: fromIds.map(l.name) },
		color: { type: 'sequential', scheme: SCHEMES.share, domain: [0, 1], legend: true, label: l.rowShare, tickFormat: '.0%' },
		marks: [
			Plot.cell(data, { x: 'toName', y: 'fromName', fill: 'row_share', inset: 0.5, tip: { channels: { [l.customers]: 'customers' }, format: { fill: '.1%', x: true, y: true } } }),
			Plot.text(data, { x: 'toName', y: 'fromName', text: (d: MatrixCell) => d.customers.toLocaleString(), fontSize: 10, fill: (d: MatrixCell) => (d.row_share > 0.55 ? INK.onDark : INK.text) })
		]
	};
}
