import { raggedError, type RaggedChoice, type RaggedReport } from '../core/csv/ragged.ts';
import { ClienteleError } from '../core/errors.ts';
import { optionalString } from './options.ts';

/** `--ragged skip|stop` (default skip, with a warning: files with ragged rows loaded before the option existed), validated before anything is read. */
export function raggedOption(v: Record<string, string | boolean | undefined>): RaggedChoice {
	const s = optionalString(v, 'ragged') ?? 'skip';
	if (s !== 'skip' && s !== 'stop') throw new ClienteleError('ragged.badOption', { value: s });
	return s;
}

/**
 * The CLI's policy: skip leaves ragged rows out (a warning on stderr lists them); stop fails with
 * the message that says how to go on (`--ragged skip`). `file` is the name the user gave.
 */
export function cliRaggedPolicy(choice: RaggedChoice, file: string): (report: RaggedReport) => Promise<RaggedChoice> {
	return (report) => {
		if (choice === 'stop') return Promise.reject(raggedError(file, report, { cli: true }));
		return Promise.resolve('skip');
	};
}
