/**
 * A rehearsal of the first analysis, run once when the engine starts (while the user is still
 * choosing a file). The browser compiles DuckDB-WASM's code lazily and optimises only code that has
 * run hot, so without it the first real load runs the parser and the RFM statements in baseline
 * code: a small query's first run took 3–4× its second (DuckDB-WASM under Node's V8), and the
 * first 1M-row load + RFM in Chromium 1.58 s instead of 1.25 s (`npm run bench`). A generated file
 * goes through the same statements as a real one — typed-first read with ragged-row recording,
 * checks, as-of date, per-customer table, scores, segments, summary, heatmap, breaks, coverage —
 * under its own table names, and everything is dropped afterwards. It runs in the background once the
 * engine is ready (state/engine.ts) and stops between two statements when real work claims the engine; 20,000 rows tier up more than 5,000 for about the same time.
 */
import { R10_DOCS } from '../core/segments/rules.ts';
import { dayCountsSql } from '../core/sql/as-of.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import { loadRawSql } from '../core/sql/read-csv.ts';
import { coverageCountsSql } from '../core/sql/rfm-coverage.ts';
import { scoreBreaksSql, scoresSql } from '../core/sql/rfm-score.ts';
import { rfHeatmapSql, rfmCustomersSql, segmentSql, segmentSummarySql } from '../core/sql/rfm.ts';
import { raw } from '../core/sql/sql.ts';
import { nextTask } from '../core/time-slice.ts';
import { deleteUnusableSql, stageChecksSql, stageSelectSql } from '../core/sql/stage.ts';
import { dropTableSql, dropViewSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import { WARM_UP_TABLES as T } from './tables.ts';

const FILE = 'clientele_warm_up.csv';

const COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

/** The generator of the warm-up file's lines (seeded: the same text every time). */
function* warmUpLines(rows: number): Generator<string> {
	let seed = 20101201;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	yield COLUMNS.join(',') + '\n';
	const start = Date.UTC(2010, 0, 4);
	for (let i = 0; i < rows; i++) {
		const order = 536365 + Math.floor(i / 4);
		const customer = next() < 0.1 ? '' : String(12346 + Math.floor(next() * 400));
		const ts = new Date(start + Math.floor(next() * 700 * 86400) * 1000).toISOString().slice(0, 19).replace('T', ' ');
		const qty = next() < 0.02 ? -Math.ceil(next() * 5) : Math.ceil(next() * 12);
		const price = (next() * 20).toFixed(2);
		yield `${next() < 0.02 ? 'C' : ''}${order},${22000 + (i % 97)},"ITEM ${i % 13}, ASSORTED",${qty},${ts},${price},${customer},United Kingdom\n`;
	}
}

/** An Online-Retail-shaped CSV of `rows` lines (seeded: the same text every time). */
export function warmUpCsv(rows: number): string {
	return [...warmUpLines(rows)].join('');
}

/**
 * The same text in pieces of `chunk` lines, made between turns of the event loop: on the page's
 * main thread no piece takes long (20,000 lines at once blocked it for 100–260 ms).
 */
export async function warmUpParts(rows: number, chunk = 2000): Promise<string[]> {
	const parts: string[] = [];
	let piece: string[] = [];
	for (const line of warmUpLines(rows)) {
		piece.push(line);
		if (piece.length < chunk) continue;
		parts.push(piece.join(''));
		piece = [];
		await nextTask();
	}
	if (piece.length) parts.push(piece.join(''));
	return parts;
}

const MAPPING: TxMapping = {
	roles: { order: 'InvoiceNo', customer: 'CustomerID', date: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' },
	dateFormat: { strptime: ['%Y-%m-%d %H:%M:%S'], label: 'YYYY-MM-DD HH:mm:ss', dateOnly: false },
	numberFormats: {
		quantity: { decimal: '.', thousands: '', decorated: false },
		price: { decimal: '.', thousands: '', decorated: false }
	}
};

/**
 * Runs the rehearsal; leaves no table or file behind. Errors are the caller's to ignore. `asFile`
 * (the page): the text goes to the engine as a File, so its bytes are encoded and read off the main
 * thread; else (Node) as text.
 */
export async function warmUp(db: DbClient, rows = 20_000, o: { asFile?: boolean; stop?: () => boolean } = {}): Promise<void> {
	const parts = await warmUpParts(rows);
	if (o.stop?.()) return;
	await db.registerFile(FILE, o.asFile ? { kind: 'file', file: new File(parts, FILE, { type: 'text/csv' }) } : { kind: 'text', text: parts.join('') });
	let asOf = '2012-01-01';
	// Each step is one statement; the rehearsal stops between two when real work claims the engine.
	const steps: (() => Promise<unknown>)[] = [
		() =>
			db.exec(
				loadRawSql(
					{
						fileName: FILE,
						table: T.stage,
						delimiter: ',',
						skipLines: 0,
						hasHeader: true,
						columns: COLUMNS,
						ragged: { mode: 'rejects', table: T.rejects, scan: T.rejectsScan }
					},
					(csv) => stageSelectSql({ from: csv, rowNumber: raw('row_number() OVER ()'), mapping: MAPPING })
				)
			),
		() => db.query(stageChecksSql({ stage: T.stage, mapping: MAPPING })),
		() => db.exec(deleteUnusableSql(T.stage)),
		async () => {
			const days = (await db.query<{ day: string }>(dayCountsSql(T.stage))).rows;
			asOf = days[days.length - 1]?.day ?? asOf;
		},
		() => db.exec(rfmCustomersSql({ tx: T.stage, target: T.base, asOf, frequency: 'orders' })),
		() => db.exec(scoresSql({ source: T.base, target: T.scores })),
		() => db.exec(segmentSql({ scores: T.scores, target: T.rfm, set: R10_DOCS, view: true })),
		() => db.query(segmentSummarySql(T.rfm)),
		() => db.query(rfHeatmapSql(T.rfm)),
		() => db.query(scoreBreaksSql({ scores: T.scores })),
		() => db.query(coverageCountsSql({ scores: T.scores, set: R10_DOCS }))
	];
	try {
		for (const step of steps) {
			if (o.stop?.()) return;
			await step();
		}
	} finally {
		await db.exec(dropViewSql(T.rfm)).catch(() => undefined);
		for (const t of [T.scores, T.base, T.stage, T.rejects, T.rejectsScan])
			await db.exec(dropTableSql(t)).catch(() => undefined);
		await db.dropFile(FILE).catch(() => undefined);
	}
}
