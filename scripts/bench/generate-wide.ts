/**
 * Seeded generator of a wide file for the grid's scrolling bench (issue 16: "scrolling stays smooth
 * with 50 columns"): the 8 Online-Retail columns (so the page maps it and runs RFM as on any sales
 * file) and 42 more — integers, decimals, short texts, dates and codes in turn, some empty —
 * 50 columns in all. Written to bench/data/wide-<rows>x50.csv with a .meta.json sidecar (reused
 * when seed, size and generator version match), like generate.ts's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEED, rng, type GeneratedFile } from './generate.ts';

export const WIDE_VERSION = 1;
export const WIDE_COLUMNS = 50;
const RETAIL = [
	'InvoiceNo',
	'StockCode',
	'Description',
	'Quantity',
	'InvoiceDate',
	'UnitPrice',
	'CustomerID',
	'Country'
];
const KINDS = ['int', 'amount', 'text', 'date', 'code', 'text'] as const;
const WORDS = [
	'alpha',
	'bravo',
	'charlie',
	'delta',
	'echo',
	'foxtrot',
	'华东',
	'华南',
	'会员',
	'渠道',
	'north',
	'south',
	'online',
	'store'
];
const COUNTRIES = ['United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Netherlands'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The extra columns' names: x09_int, x10_amount, … (kind in the name, so a reader sees what to expect). */
export function wideHeader(): string[] {
	const extra = Array.from(
		{ length: WIDE_COLUMNS - RETAIL.length },
		(_, i) => `x${pad(i + RETAIL.length + 1)}_${KINDS[i % KINDS.length]}`
	);
	return [...RETAIL, ...extra];
}

function cell(kind: (typeof KINDS)[number], r: () => number): string {
	if (r() < 0.03) return '';
	switch (kind) {
		case 'int':
			return String(Math.floor(r() * 100_000));
		case 'amount':
			return (Math.pow(r(), 2) * 5000).toFixed(2);
		case 'text':
			return `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`;
		case 'date':
			return `20${pad(10 + Math.floor(r() * 14))}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
		case 'code':
			return `K${Math.floor(r() * 1e9)
				.toString(36)
				.toUpperCase()}`;
	}
}

/** Writes (or reuses) bench/data/wide-<rows>x50.csv. */
export async function ensureWideCsv(
	dir: string,
	rows: number,
	seed = DEFAULT_SEED
): Promise<GeneratedFile> {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `wide-${rows}x${WIDE_COLUMNS}.csv`);
	const meta = file.replace(/\.csv$/, '.meta.json');
	const customers = Math.max(1000, Math.round(rows / 50));
	try {
		const m = JSON.parse(fs.readFileSync(meta, 'utf8')) as {
			seed: number;
			rows: number;
			bytes: number;
			version: number;
		};
		if (
			m.seed === seed &&
			m.rows === rows &&
			m.version === WIDE_VERSION &&
			fs.statSync(file).size === m.bytes
		)
			return { path: file, rows, bytes: m.bytes, customers, seed, reused: true, ms: 0 };
	} catch {
		/* generate */
	}
	const t0 = performance.now();
	const r = rng(seed ^ 0x5a5a);
	const kinds = wideHeader()
		.slice(RETAIL.length)
		.map((_, i) => KINDS[i % KINDS.length]!);
	const fd = fs.openSync(file + '.tmp', 'w');
	let bytes = 0;
	let chunk = wideHeader().join(',') + '\n';
	const start = Date.UTC(2010, 0, 4, 8);
	const span = Date.UTC(2011, 11, 9, 18) - start;
	for (let i = 0; i < rows; i++) {
		const d = new Date(start + Math.floor((i / rows) * span));
		const ts = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
		const cust = Math.floor(Math.pow(r(), 2) * customers);
		const retail = [
			String(536365 + Math.floor(i / 20)),
			String(10000 + Math.floor(r() * 4000)),
			`${WORDS[Math.floor(r() * WORDS.length)]} ITEM`,
			String(1 + Math.floor(r() * 12)),
			ts,
			(0.19 + Math.pow(r(), 3) * 30).toFixed(2),
			String(12346 + cust),
			COUNTRIES[cust % COUNTRIES.length]!
		];
		chunk += retail.join(',') + ',' + kinds.map((k) => cell(k, r)).join(',') + '\n';
		if (chunk.length > 1 << 20) {
			bytes += fs.writeSync(fd, chunk);
			chunk = '';
		}
	}
	bytes += fs.writeSync(fd, chunk);
	fs.closeSync(fd);
	fs.renameSync(file + '.tmp', file);
	fs.writeFileSync(
		meta,
		JSON.stringify({ seed, rows, bytes, customers, version: WIDE_VERSION }) + '\n'
	);
	return { path: file, rows, bytes, customers, seed, reused: false, ms: performance.now() - t0 };
}
