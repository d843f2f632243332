import { describe, expect, it } from 'vitest';
import { addRecent, parseRecent, removeRecent, type StoredProject } from '../../../../src/core/offline/recent.ts';

const p = (id: string, name: string, savedAt: string): StoredProject => ({ id, name, savedAt, size: 10, withData: false });

describe('the recent projects', () => {
	it('puts the newest first', () => {
		const list = [p('a', 'a.clientele', '2026-12-01T10:00:00Z')];
		expect(addRecent(list, p('b', 'b.clientele', '2026-12-05T10:00:00Z'))).toEqual({ list: [p('b', 'b.clientele', '2026-12-05T10:00:00Z'), list[0]], drop: [] });
	});

	it('replaces a project saved again under the same name, and drops its old bytes', () => {
		const list = [p('a', 'x.clientele', '2026-12-01T10:00:00Z'), p('b', 'y.clientele', '2026-12-02T10:00:00Z')];
		const got = addRecent(list, p('c', 'x.clientele', '2026-12-05T10:00:00Z'));
		expect(got.list.map((q) => q.id)).toEqual(['c', 'b']);
		expect(got.drop).toEqual(['a']);
	});

	it('keeps at most `max`, dropping the oldest', () => {
		const list = [p('a', 'a', '2026-12-03T00:00:00Z'), p('b', 'b', '2026-12-02T00:00:00Z'), p('c', 'c', '2026-12-01T00:00:00Z')];
		const got = addRecent(list, p('d', 'd', '2026-12-04T00:00:00Z'), 3);
		expect(got.list.map((q) => q.id)).toEqual(['d', 'a', 'b']);
		expect(got.drop).toEqual(['c']);
	});

	it('removes one by id', () => {
		expect(removeRecent([p('a', 'a', 't'), p('b', 'b', 't')], 'a').map((q) => q.id)).toEqual(['b']);
	});

	it('reads back only well-formed entries (a damaged index never breaks the page)', () => {
		const good = p('3f2a-9', 'a.clientele', '2026-12-05T10:00:00Z');
		expect(parseRecent([good, { id: '../x', name: 'n', savedAt: 't', size: 1, withData: false }, { id: 'b' }, null, 'x'])).toEqual([good]);
		expect(parseRecent({ not: 'a list' })).toEqual([]);
	});
});
