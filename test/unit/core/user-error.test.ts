import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../src/core/errors.ts';
import { leaksEngine, toUserError } from '../../../src/core/user-error.ts';

describe('toUserError: the one boundary between engine messages and the user', () => {
	it.each([
		['Invalid Input Error: CSV Parser state machine error: unterminated quote … Line: 7', 'engine.unclosedQuote', { file: 'a.csv', line: 7 }],
		['Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)', 'engine.outOfMemory', { file: 'a.csv' }],
		['RangeError: Array buffer allocation failed', 'engine.outOfMemory', { file: 'a.csv' }],
		['Error: Cannot create a string longer than 0x1fffffe8 characters', 'engine.tooLarge', { file: 'a.csv' }],
		['Invalid Input Error: Maximum line size of 2000000 bytes exceeded. Line: 3', 'engine.lineTooLong', { file: 'a.csv', line: 3 }],
		["Invalid Input Error: Error when sniffing file \"raw_1.csv\". CSV options could not be auto-detected", 'engine.csvFailed', { file: 'a.csv' }],
		['Binder Error: Referenced column "rowid" not found', 'engine.unexpected', { file: 'a.csv' }]
	])('%s → %s', (message, code, params) => {
		const e = toUserError(new Error(message), 'a.csv');
		expect({ code: e.code, params: e.params }).toEqual({ code, params });
	});

	it('our own errors pass unchanged; a detail copied from an engine error is replaced', () => {
		const ours = new ClienteleError('cli.noColumn', { column: 'Conversion Error', option: 'customer', file: 'duckdb.csv', list: 'x' });
		expect(toUserError(ours)).toBe(ours);
		const copied = new ClienteleError('import.readFailed', { file: 'b.csv', detail: 'line 5: Value with unterminated quote found.' });
		expect(toUserError(copied)).toMatchObject({ code: 'engine.unclosedQuote', params: { file: 'b.csv', line: 5 } });
		expect(toUserError(new ClienteleError('cli.noFile', { file: 'x', detail: 'ENOENT: no such file' })).code).toBe('cli.noFile');
	});

	it('recognises engine wording and leaves ordinary text alone', () => {
		expect(leaksEngine('CSV Parser state machine')).toBe(true);
		expect(leaksEngine('RangeError: Invalid string length')).toBe(true);
		expect(leaksEngine('column 日期: 5 values are not dates')).toBe(false);
	});
});
