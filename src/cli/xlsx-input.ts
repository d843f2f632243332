/**
 * CLI side of the Excel import: the chosen sheet of a workbook is written as a temporary UTF-8 CSV
 * file (removed by cleanup(), like a transcoded input) and read by the same pipeline as any CSV.
 */
import fs from 'node:fs';
import { tempDir } from './temp-files.ts';
import path from 'node:path';
import { decodeSample, detectEncoding } from '../core/csv/encoding.ts';
import { ClienteleError } from '../core/errors.ts';
import { SAMPLE_BYTES } from '../core/csv/inspect.ts';
import { workbookToCsv } from '../core/xlsx/workbook.ts';
import { sheetInputName } from '../core/xlsx/xlsx-csv.ts';
import type { PreparedPath } from './io.ts';

export async function prepareWorkbook(file: string, sheet?: string): Promise<PreparedPath> {
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (e) {
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
	const book = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const csv = await workbookToCsv(book, { file, sheet });
	const { dir, remove: cleanup } = tempDir();
	const out = path.join(dir, 'sheet.csv');
	try {
		const fd = fs.openSync(out, 'w');
		try {
			for (const part of csv.parts) fs.writeSync(fd, part);
		} finally {
			fs.closeSync(fd);
		}
		const head = Buffer.alloc(SAMPLE_BYTES);
		const fdr = fs.openSync(out, 'r');
		const n = fs.readSync(fdr, head, 0, head.length, 0);
		fs.closeSync(fdr);
		const sample = head.subarray(0, n);
		const detection = detectEncoding(sample);
		return {
			path: out,
			source: { kind: 'path', path: out },
			fileName: sheetInputName(file, csv.sheet),
			sample: decodeSample(sample, 'utf-8'),
			detection,
			encoding: 'utf-8',
			sheet: csv.sheet,
			cleanup
		};
	} catch (e) {
		cleanup();
		throw new ClienteleError('cli.noFile', { file: out, detail: e instanceof Error ? e.message : String(e) });
	}
}
