import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_SIZE, loadHistory, remember } from '../../../../src/views/console/history.ts';

/** A sessionStorage of this test's own (Node has none). */
function storage(): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		clear: () => m.clear(),
		getItem: (k) => m.get(k) ?? null,
		key: (i) => [...m.keys()][i] ?? null,
		removeItem: (k) => void m.delete(k),
		setItem: (k, v) => void m.set(k, String(v))
	};
}

describe('the console history', () => {
	beforeEach(() => {
		vi.stubGlobal('sessionStorage', storage());
	});

	it('keeps the newest first, a repeat moves up, at most 50, and survives a reload of the tab', () => {
		let h: string[] = [];
		for (let i = 0; i < 60; i++) h = remember(h, `SELECT ${i}`);
		h = remember(h, 'SELECT 20');
		expect(h.length).toBe(HISTORY_SIZE);
		expect(h.slice(0, 3)).toEqual(['SELECT 20', 'SELECT 59', 'SELECT 58']);
		expect(h.filter((x) => x === 'SELECT 20').length).toBe(1);
		expect(loadHistory()).toEqual(h);
	});

	it('reads a damaged entry as no history', () => {
		sessionStorage.setItem('clientele.console.history', '{not json');
		expect(loadHistory()).toEqual([]);
	});
});
