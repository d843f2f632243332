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

/**
 * main() in this process, shaped like a spawned run's result: the exit code (the program sets main()'s
 * return value as its exit code and does nothing else), standard output, and standard error's non-empty
 * lines. For the refusals and --help of files that keep one spawned case for the real process (~3 s each).
 */
export async function cliLines(
	argv: string[]
): Promise<{ code: number; stdout: string; stderr: string[] }> {
	const r = await cli(argv);
	return { code: r.code, stdout: r.out, stderr: r.err.split('\n').filter((l) => l !== '') };
}
