import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../../src/core/errors.ts';
import { newProject, PROJECT_VERSION, readProjectJson } from '../../../../src/core/project/format.ts';
import { packedSize, projectNeedsPassphrase, readProjectFile, writeProjectFile } from '../../../../src/core/project/project-file.ts';
import { crc32, readZip, writeZip } from '../../../../src/core/project/zip.ts';

const enc = new TextEncoder();
const code = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof ClienteleError ? e.code : String(e)));

describe('zip', () => {
	it('crc32 of "123456789" is the check value of the standard (0xCBF43926)', () => {
		expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
	});

	it('writes an archive another reader (fflate) reads, stored and deflated, with UTF-8 names', async () => {
		const text = '客户,金额\n' + 'A,1\n'.repeat(1000);
		const zip = await writeZip([
			{ name: 'project.json', bytes: enc.encode('{"a":1}'), deflate: true },
			{ name: 'data/订单.csv', bytes: enc.encode(text), deflate: true },
			{ name: 'raw.bin', bytes: new Uint8Array([0, 255, 7]), deflate: false }
		]);
		const other = unzipSync(zip);
		expect(new TextDecoder().decode(other['data/订单.csv'])).toBe(text);
		expect([...other['raw.bin']!]).toEqual([0, 255, 7]);
		expect(zip.length).toBeLessThan(text.length / 5);
	});

	it('reads an archive another writer (fflate) made; a damaged one is null', async () => {
		const zip = zipSync({ 'a.txt': enc.encode('hello'), 'b.txt': [enc.encode('world'), { level: 0 }] });
		const read = await readZip(zip);
		expect(new TextDecoder().decode(read!.get('a.txt'))).toBe('hello');
		expect(new TextDecoder().decode(read!.get('b.txt'))).toBe('world');
		expect(await readZip(enc.encode('not a zip'))).toBeNull();
	});
});

describe('project.json', () => {
	it('refuses a newer version with the version numbers', () => {
		const json = JSON.stringify({ ...newProject({}, [], ''), version: PROJECT_VERSION + 1 });
		try {
			readProjectJson(json, 'next.clientele');
			expect.unreachable();
		} catch (e) {
			expect((e as ClienteleError).code).toBe('projectFile.newer');
			expect((e as ClienteleError).params).toMatchObject({ version: PROJECT_VERSION + 1, supported: PROJECT_VERSION });
		}
	});

	it('refuses what is not a project', () => {
		expect(() => readProjectJson('{"format":"other","version":1}', 'x')).toThrow(ClienteleError);
		expect(() => readProjectJson('not json', 'x')).toThrow(ClienteleError);
	});
});

describe('project file', () => {
	const settings = { rfm: { monetary: 'average', dims: { r: { method: 'quantile', bins: 5 } } }, window: { start: 'default', asOf: '2024-06-30' } };
	const csv = enc.encode('customer,date,amount\n' + Array.from({ length: 500 }, (_, i) => `C${i % 50},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}`).join('\n'));

	it('settings only: restored exactly, no data entry', async () => {
		const bytes = await writeProjectFile(newProject(settings, ['customer', 'date', 'amount'], '2026-12-05T00:00:00Z'));
		const { project, files } = await readProjectFile(bytes, 'p.clientele');
		expect(project.settings).toEqual(settings);
		expect(project.columns).toEqual(['customer', 'date', 'amount']);
		expect(files).toEqual([]);
		expect(Object.keys(unzipSync(bytes))).toEqual(['project.json']);
	});

	it('with data: the file comes back byte for byte; the size said before saving is the entry size', async () => {
		const data = [{ role: 'transactions', name: 'tx.csv', bytes: csv }];
		const bytes = await writeProjectFile(newProject(settings, [], ''), { files: data });
		const { files } = await readProjectFile(bytes, 'p.clientele');
		expect(files[0]!.name).toBe('tx.csv');
		expect(files[0]!.bytes).toEqual(csv);
		expect(unzipSync(bytes)['data/1-transactions']!.length).toBe(await packedSize(data));
	});

	it('encrypted: the data is not readable in the zip, the right passphrase opens it, a wrong one says so', async () => {
		const data = [{ role: 'transactions', name: 'tx.csv', bytes: csv }];
		const bytes = await writeProjectFile(newProject(settings, [], ''), { files: data, passphrase: 'correct horse', iterations: 1000 });
		const raw = unzipSync(bytes);
		const json = JSON.parse(new TextDecoder().decode(raw['project.json'])) as { encryption: { iterations: number; salt: string } };
		expect(json.encryption.iterations).toBe(1000);
		expect(json.encryption.salt.length).toBeGreaterThan(16);
		expect(await projectNeedsPassphrase(bytes, 'p')).toBe(true);
		expect(await code(readProjectFile(bytes, 'p'))).toBe('projectFile.needPassphrase');
		expect(await code(readProjectFile(bytes, 'p', 'wrong'))).toBe('projectFile.badPassphrase');
		const { files, project } = await readProjectFile(bytes, 'p', 'correct horse');
		expect(files[0]!.bytes).toEqual(csv);
		expect(project.settings).toEqual(settings);
	});
});
