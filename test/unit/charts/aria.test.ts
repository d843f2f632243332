import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { roleNamedGroups } from '../../../src/charts/aria.ts';

describe('roleNamedGroups(): no name on an element without a role', () => {
	it('gives every named mark group of a Plot figure role="group", keeping its name', () => {
		const document = new JSDOM('').window.document;
		const el = Plot.plot({ document, marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y' }), Plot.ruleY([0])] }) as unknown as Element;
		const named = [...el.querySelectorAll('g[aria-label]')];
		expect(named.length).toBeGreaterThanOrEqual(2);
		roleNamedGroups(el);
		expect(named.map((g) => g.getAttribute('role'))).toEqual(named.map(() => 'group'));
		expect(named.map((g) => g.getAttribute('aria-label'))).toContain('dot');
	});
});
