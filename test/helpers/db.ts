import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { NodeDbClient } from '../../src/db/node.ts';

/** One DuckDB-WASM (Node bundle) instance per test file: ≈ 1 s to start. */
export async function openDb(): Promise<NodeDbClient> {
	return NodeDbClient.create();
}

/**
 * The test file's DuckDB: opened before its tests, closed after them; every test must assert
 * (requireAssertions in the Vitest config). Returns a stand-in that forwards to the open client, so it can be
 * declared at the top of a file and passed on like the client itself.
 */
export function useDb(): NodeDbClient {
	let client: NodeDbClient | null = null;
	beforeAll(async () => {
		client = await openDb();
	});
	afterAll(async () => {
		await client?.close();
		client = null;
	});
	return new Proxy({} as NodeDbClient, {
		get(_, prop) {
			if (!client) throw new Error('useDb(): the database is opened in beforeAll, use it inside tests and hooks');
			const v: unknown = Reflect.get(client, prop, client);
			return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(client) : v;
		}
	});
}

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function fixture(...parts: string[]): string {
	return path.join(FIXTURES, ...parts);
}

/** ../shared beside the clone: present in CI and on developer machines, absent on a user's. */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');

/**
 * A temporary folder for the test file (made before its tests, removed after them); every test
 * must assert (requireAssertions in the Vitest config). Returns the folder's path, to call inside tests.
 */
export function useTmpDir(prefix: string): () => string {
	let dir: string | null = null;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	});
	afterAll(() => {
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
		dir = null;
	});
	return () => {
		if (!dir) throw new Error('useTmpDir(): the folder is made in beforeAll, use it inside tests and hooks');
		return dir;
	};
}
