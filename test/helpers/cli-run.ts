/** The CLI's main() in this process, its standard output and error captured (the emit-sql tests). */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
	try {
		return { code: await main(argv), out, err };
	} finally {
		vi.restoreAllMocks();
	}
}
