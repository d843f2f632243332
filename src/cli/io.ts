import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ClienteleError } from '../core/errors.ts';
import { SAMPLE_BYTES } from '../db/ingest.ts';

/** The decoded start of a file (gunzipped for .gz), for the sniffer. */
export function readSample(file: string): string {
	let fd: number;
	try {
		fd = fs.openSync(file, 'r');
	} catch (e) {
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	}
	try {
		const gz = file.toLowerCase().endsWith('.gz');
		const buf = Buffer.alloc(gz ? SAMPLE_BYTES : SAMPLE_BYTES);
		const n = fs.readSync(fd, buf, 0, buf.length, 0);
		let bytes = buf.subarray(0, n);
		if (gz) bytes = zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, SAMPLE_BYTES);
		return new TextDecoder('utf-8').decode(bytes);
	} catch (e) {
		if (e instanceof ClienteleError) throw e;
		throw new ClienteleError('cli.noFile', { file, detail: e instanceof Error ? e.message : String(e) });
	} finally {
		fs.closeSync(fd);
	}
}

/** Writes the output whole or not at all: to a temporary file beside it, then renamed. */
export function writeOutput(out: string | undefined, text: string): void {
	if (!out) {
		process.stdout.write(text);
		return;
	}
	const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
	try {
		fs.writeFileSync(tmp, text);
		fs.renameSync(tmp, out);
	} catch (e) {
		fs.rmSync(tmp, { force: true });
		throw new ClienteleError('cli.noFile', { file: out, detail: e instanceof Error ? e.message : String(e) });
	}
}
