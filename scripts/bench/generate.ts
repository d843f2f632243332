/**
 * Seeded generator of Online-Retail-shaped transaction CSVs (the UCI file's columns and quirks):
 * InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country.
 * ~2 % cancelled lines ('C' + invoice number, negative quantity), ~15 % lines without a customer,
 * ISO timestamps 'YYYY-MM-DD HH:MM:SS', some descriptions quoted (they contain a comma).
 * Streamed to disk in ~1 MB chunks; a sidecar .meta.json lets a later run reuse the file.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Bump when the output of the generator changes, so old files are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20101201;

export interface GeneratedFile {
	path: string;
	rows: number;
	bytes: number;
	customers: number;
	seed: number;
	reused: boolean;
	ms: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const COUNTRIES = [
	'United Kingdom',
	'Germany',
	'France',
	'EIRE',
	'Spain',
	'Netherlands',
	'Belgium',
	'Switzerland',
	'Portugal',
	'Australia',
	'Norway',
	'Italy',
	'Channel Islands',
	'Finland',
	'Cyprus',
	'Sweden',
	'Austria',
	'Denmark',
	'Japan',
	'Poland'
];
const WORDS = [
	'WHITE',
	'HANGING',
	'HEART',
	'T-LIGHT',
	'HOLDER',
	'CREAM',
	'CUPID',
	'HEARTS',
	'COAT',
	'HANGER',
	'RED',
	'WOOLLY',
	'HOTTIE',
	'KNITTED',
	'UNION',
	'FLAG',
	'HOT',
	'WATER',
	'BOTTLE',
	'LANTERN',
	'SET',
	'OF',
	'6',
	'VINTAGE',
	'PAPER',
	'CHAIN',
	'KIT',
	'JUMBO',
	'BAG',
	'PINK',
	'POLKADOT',
	'LUNCH',
	'BOX',
	'REGENCY',
	'CAKESTAND',
	'3',
	'TIER',
	'ALARM',
	'CLOCK',
	'BAKELIKE',
	'GREEN',
	'CHRISTMAS',
	'GLASS',
	'BALL',
	'DOORMAT',
	'RETROSPOT',
	'PARTY',
	'BUNTING'
];

function pad(n: number, w: number): string {
	return String(n).padStart(w, '0');
}

interface Product {
	code: string;
	desc: string;
	price: number;
}

function products(r: () => number, n: number): Product[] {
	const out: Product[] = [];
	for (let i = 0; i < n; i++) {
		const words: string[] = [];
		const k = 2 + Math.floor(r() * 4);
		for (let j = 0; j < k; j++) words.push(WORDS[Math.floor(r() * WORDS.length)]!);
		let desc = words.join(' ');
		// Some descriptions carry a comma (quoted in the CSV), a few an embedded quote.
		if (r() < 0.05) desc = `"${desc}, ASSORTED"`;
		else if (r() < 0.01) desc = `"${desc} ""DELUXE"""`;
		const code =
			String(10000 + Math.floor(r() * 80000)) +
			(r() < 0.3 ? String.fromCharCode(65 + Math.floor(r() * 6)) : '');
		// Prices: mostly small, a long tail.
		const price = Math.round((0.19 + Math.pow(r(), 3) * 30) * 100) / 100;
		out.push({ code, desc, price });
	}
	return out;
}

/** Customers scale with the file: 1M rows → 20,000; 5M → 100,000 (clamped to 4,000…100,000). */
export function customersFor(rows: number): number {
	return Math.max(4000, Math.min(100_000, Math.round(rows / 50)));
}

const START = Date.UTC(2010, 0, 4, 8, 0, 0);
const SPAN = Date.UTC(2011, 11, 9, 18, 0, 0) - START;

function isoTs(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}

function metaPath(file: string): string {
	return file.replace(/\.csv$/, '.meta.json');
}

/** Writes bench/data/retail-<rows>.csv, or reuses it when the seed, size and generator match. */
export async function ensureRetailCsv(
	dir: string,
	rows: number,
	seed = DEFAULT_SEED
): Promise<GeneratedFile> {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `retail-${rows}.csv`);
	const customers = customersFor(rows);
	try {
		const meta = JSON.parse(fs.readFileSync(metaPath(file), 'utf8')) as {
			seed: number;
			rows: number;
			bytes: number;
			version: number;
		};
		if (
			meta.seed === seed &&
			meta.rows === rows &&
			meta.version === GENERATOR_VERSION &&
			fs.statSync(file).size === meta.bytes
		)
			return { path: file, rows, bytes: meta.bytes, customers, seed, reused: true, ms: 0 };
	} catch {
		/* no usable file: generate */
	}
	const t0 = performance.now();
	const tmp = file + '.tmp';
	const out = fs.createWriteStream(tmp, { encoding: 'utf8' });
	const write = (s: string) =>
		new Promise<void>((res, rej) => out.write(s, (e) => (e ? rej(e) : res())));
	const r = rng(seed);
	const prods = products(r, 3800);
	const custCountry = Array.from({ length: customers }, () =>
		r() < 0.88 ? COUNTRIES[0]! : COUNTRIES[1 + Math.floor(r() * (COUNTRIES.length - 1))]!
	);
	let chunk = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
	let written = 0;
	let invoice = 536365;
	let bytes = 0;
	while (written < rows) {
		// One invoice: 1..~60 lines (mean ≈ 20), one customer (or none), one timestamp.
		const lines = Math.min(rows - written, 1 + Math.floor(Math.pow(r(), 1.6) * 60));
		const noCustomer = r() < 0.15;
		// Skewed popularity: a few customers buy very often.
		const cust = Math.floor(Math.pow(r(), 2.2) * customers);
		const custId = noCustomer ? '' : String(12346 + cust);
		const country = noCustomer ? COUNTRIES[0]! : custCountry[cust]!;
		const cancelled = r() < 0.02 * 1.0;
		const ts = isoTs(START + Math.floor((written / rows) * SPAN) + Math.floor(r() * 3600_000));
		const inv = (cancelled ? 'C' : '') + String(invoice++);
		for (let i = 0; i < lines; i++) {
			const p = prods[Math.floor(r() * prods.length)]!;
			let q = r() < 0.8 ? 1 + Math.floor(r() * 12) : 12 * (1 + Math.floor(r() * 10));
			if (cancelled) q = -q;
			chunk += `${inv},${p.code},${p.desc},${q},${ts},${p.price.toFixed(2)},${custId},${country}\n`;
		}
		written += lines;
		if (chunk.length > 1 << 20) {
			bytes += Buffer.byteLength(chunk);
			await write(chunk);
			chunk = '';
		}
	}
	bytes += Buffer.byteLength(chunk);
	await write(chunk);
	await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
	fs.renameSync(tmp, file);
	fs.writeFileSync(
		metaPath(file),
		JSON.stringify({ seed, rows, bytes, customers, version: GENERATOR_VERSION }) + '\n'
	);
	return { path: file, rows, bytes, customers, seed, reused: false, ms: performance.now() - t0 };
}
