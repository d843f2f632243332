import { describe, expect, it } from 'vitest';
import { sniffSample } from '../../../src/core/csv/sniff.ts';
import { guessRoles } from '../../../src/core/csv/roles.ts';
import type { LoadedFile } from '../../../src/run/loaded-file.ts';
import { DatasetState } from '../../../src/state/datasets.svelte.ts';
import { session } from '../../../src/state/session.svelte.ts';

/** A touchpoint file as loadFile would describe it (no engine needed to pick the date format). */
function loaded(text: string): LoadedFile {
	const sniff = sniffSample(text, { fileName: 'tp.csv' });
	return { fileName: 'tp.csv', table: 'raw_tp', sniff, rows: 2, guess: guessRoles(sniff.columns) };
}

describe('touchpoint dates read like transaction dates', () => {
	it.each([
		['Unix seconds', 'customer,time,touchpoint\nA,1704448800,App\nB,1704535200,门店\n', { numeric: 'unix-s' }, true],
		['an offset timestamp', 'customer,time,touchpoint\nA,2024-01-05T10:00:00+08:00,App\nB,2024-01-06T02:00:00Z,门店\n', { label: 'YYYY-MM-DDTHH:MM:SS±HH:MM' }, true],
		['a plain date (a wall time: no zone)', 'customer,time,touchpoint\nA,2024-01-05,App\nB,2024-01-06,门店\n', { label: 'YYYY-MM-DD' }, false]
	])('%s: recognised, and instants shown in the zone of the transactions', (_, text, expected, zoned) => {
		session.mapping = { roles: {}, dateFormat: { strptime: ['%Y-%m-%d'], label: 'YYYY-MM-DD', dateOnly: true }, numberFormats: {}, timeZone: 'America/New_York' };
		const d = new DatasetState('touchpoints');
		d.file = loaded(text);
		d.setRole('date', 'time');
		const f = d.dateFormat();
		expect(f).toMatchObject(expected);
		expect(f.zone?.name).toBe(zoned ? 'America/New_York' : undefined);
	});
});
