import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSample, detectEncoding } from '../../../src/core/csv/encoding.ts';
import { sniffSample } from '../../../src/core/csv/sniff.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { raw } from '../../../src/core/sql/sql.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { en } from '../../../src/i18n/en.ts';
import { useDb } from '../../helpers/db.ts';

const CODES = new Set(Object.keys(en));

/** Pieces that make CSV parsers and sniffers stumble. */
const TOKENS = [
	',', ';', '\t', '|', '"', '""', "'", '\n', '\r\n', '\r', ' ', '', 'sep=;\n', 'sep=\n', 'sep=",', '\uFEFF', '\u0000',
	'a', 'customer', 'date', 'amount', '客户', '金额', '2024-01-05', '05/01/2024', '2024年1月5日', '1,234.56', '1.234,56',
	'(12.50)', '¥', '€', 'RMB', '元', '-', '0', '007', '123456789012345678', '1e400', 'NaN', '\\', '\u2028', '\uD800', '🙂'
];

const csvText = fc.oneof(
	fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join('')),
	fc.string({ maxLength: 200, unit: 'binary' }),
	fc
		.array(fc.array(fc.constantFrom(...TOKENS.filter((t) => !/[\n\r]/.test(t))), { maxLength: 6 }), { minLength: 1, maxLength: 12 })
		.chain((rows) => fc.constantFrom(',', ';', '\t', '|').map((d) => rows.map((r) => r.join(d)).join('\n')))
);

/** A result, or a typed error whose code is in the catalogue — never anything else. */
function expectTyped(e: unknown, input: string): void {
	if (!isClienteleError(e)) throw new Error(`untyped ${String(e)} for ${JSON.stringify(input)}`);
	if (!CODES.has(e.code)) throw new Error(`unknown code ${e.code} for ${JSON.stringify(input)}`);
}

const db = useDb();

describe('fuzz: malformed CSV never escapes as an untyped exception', () => {
	it('sniffSample', () => {
		fc.assert(
			fc.property(csvText, (text) => {
				try {
					const r = sniffSample(text, { fileName: 'fuzz.csv' });
					return r.columns.length > 0;
				} catch (e) {
					expectTyped(e, text);
					return true;
				}
			}),
			{ seed: 20261123, numRuns: 2000 }
		);
		expect(true).toBe(true);
	});

	it('detectEncoding + decodeSample on random bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const d = detectEncoding(bytes);
				return typeof decodeSample(bytes, d.encoding) === 'string';
			}),
			{ seed: 20261123, numRuns: 2000 }
		);
		expect(true).toBe(true);
	});

	it('loadFile on DuckDB-WASM, and the engine stays usable', async () => {
		let n = 0;
		await fc.assert(
			fc.asyncProperty(csvText, async (text) => {
				n++;
				try {
					const r = await loadFile(db, { fileName: `fuzz${n}.csv`, source: { kind: 'text', text }, sample: text });
					if (r === null) return false;
				} catch (e) {
					expectTyped(e, text);
				}
				const ok = await db.query<{ one: number }>(raw('SELECT 1 AS one'));
				return ok.rows[0]?.one === 1;
			}),
			{ seed: 20261123, numRuns: 300 }
		);
		expect(n).toBe(300);
	});
});
