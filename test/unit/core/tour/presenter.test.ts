import { describe, expect, it } from 'vitest';
import { adjacentView, presenterMove, type FocusKind } from '../../../../src/core/tour/presenter.ts';

describe('presenter keys', () => {
	// key × where the focus is → move (+1 next tab, -1 previous, null: the key is left alone)
	it.each<[string, FocusKind, 1 | -1 | null]>([
		['PageDown', 'page', 1],
		['PageUp', 'page', -1],
		['ArrowRight', 'page', 1],
		['ArrowLeft', 'page', -1],
		['ArrowRight', 'field', null],
		['ArrowLeft', 'field', null],
		['PageDown', 'field', 1],
		['ArrowRight', 'grid', null],
		['PageDown', 'grid', null],
		['PageUp', 'textarea', null],
		['ArrowRight', 'textarea', null],
		['ArrowDown', 'page', null],
		['Enter', 'page', null]
	])('%s with the focus in %s → %s', (key, focus, move) => {
		expect(presenterMove({ key }, focus)).toBe(move);
	});

	it('never takes a key with a modifier (Alt+← is the browser’s Back)', () => {
		expect(presenterMove({ key: 'ArrowLeft', alt: true }, 'page')).toBeNull();
		expect(presenterMove({ key: 'PageDown', ctrl: true }, 'page')).toBeNull();
		expect(presenterMove({ key: 'ArrowRight', shift: true }, 'page')).toBeNull();
		expect(presenterMove({ key: 'ArrowRight', meta: true }, 'page')).toBeNull();
	});

	it('moves to the next open tab, skipping disabled ones, and stops at the ends', () => {
		const views = [
			{ id: 'import', enabled: true },
			{ id: 'data', enabled: false },
			{ id: 'rfm', enabled: true },
			{ id: 'abc', enabled: true }
		];
		expect(adjacentView(views, 'import', 1)).toBe('rfm');
		expect(adjacentView(views, 'rfm', -1)).toBe('import');
		expect(adjacentView(views, 'abc', 1)).toBeNull();
		expect(adjacentView(views, 'import', -1)).toBeNull();
	});
});
