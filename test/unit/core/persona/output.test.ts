import { describe, expect, it } from 'vitest';
import { PERSONA_COLUMNS, personaOutputRow } from '../../../../src/core/persona/output.ts';

describe('persona output rows', () => {
	it('the contract columns; shares and lift to 4 decimals, p to 6 significant digits, unknown as null; group named', () => {
		expect(PERSONA_COLUMNS.join(',')).toBe('group,feature,value,customers,share,share_overall,lift,p_value,p_adjusted,test');
		const row = personaOutputRow(
			{ group: 'g', feature: 'night_owl', value: null, customers: 2, share: 2 / 3, share_overall: 0.4, lift: 5 / 3, p_value: 0.000123456789, p_adjusted: 1, test: 'fisher' },
			(id) => `<${id}>`
		);
		expect(row).toEqual({ group: '<g>', feature: 'night_owl', value: null, customers: 2, share: 0.6667, share_overall: 0.4, lift: 1.6667, p_value: 0.000123457, p_adjusted: 1, test: 'fisher' });
	});
});
