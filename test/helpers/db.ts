import path from 'node:path';
import { NodeDbClient } from '../../src/db/node.ts';

/** One DuckDB-WASM (Node bundle) instance per test file: ≈ 1 s to start. */
export async function openDb(): Promise<NodeDbClient> {
	return NodeDbClient.create();
}

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function fixture(...parts: string[]): string {
	return path.join(FIXTURES, ...parts);
}

/** ../shared beside the clone: present in CI and on developer machines, absent on a user's. */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');
