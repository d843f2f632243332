import { describe, expect, it } from 'vitest';
import { parseScoring, parseSegments, parseTxInput, frequencyFor } from '../../../../src/cli/rfm-options.ts';
import { DEFAULT_RFM, defaultFrequency } from '../../../../src/core/rfm/defaults.ts';
import { toScoring } from '../../../../src/core/rfm/settings.ts';
import { PRESETS } from '../../../../src/core/segments/presets.ts';
import { DIMS, resolveScoring } from '../../../../src/core/segments/scoring.ts';
import type { DbClient } from '../../../../src/db/client.ts';
import { RfmModel } from '../../../../src/views/rfm/rfm-model.svelte.ts';

// The same RFM defaults on the page and in the CLI: both start from DEFAULT_RFM.
describe('RFM defaults: page and CLI', () => {
	const cli = () => {
		const v = { input: 'x.csv', customer: 'c', date: 'd', amount: 'a' };
		const set = parseSegments(v);
		const { resolved } = parseScoring(v, set);
		const tx = parseTxInput(v);
		return { set, resolved, tx, frequency: frequencyFor(tx, resolved) };
	};
	const page = () => {
		const m = new RfmModel({} as DbClient);
		return { m, resolved: toScoring(m.dims).resolved };
	};

	it('DEFAULT_RFM: five quintile bins, total spend, returns netted, cancelled C%, the r10 rules', () => {
		expect(DEFAULT_RFM).toEqual({
			bins: 5,
			method: 'ntile',
			monetary: 'total',
			returns: 'net',
			cancelledPattern: 'C%',
			preset: 'r10'
		});
		expect(Object.isFrozen(DEFAULT_RFM)).toBe(true);
		const r = resolveScoring();
		expect(DIMS.map((d) => [r[d].method, r[d].bins])).toEqual(DIMS.map(() => ['ntile', 5]));
	});

	it('the CLI fills every option not given from DEFAULT_RFM', () => {
		const c = cli();
		expect(c.set).toBe(PRESETS[DEFAULT_RFM.preset]);
		expect(c.tx).toMatchObject({
			monetary: DEFAULT_RFM.monetary,
			returns: DEFAULT_RFM.returns,
			cancelledPattern: DEFAULT_RFM.cancelledPattern
		});
		for (const d of DIMS) expect(c.resolved[d]).toEqual({ method: DEFAULT_RFM.method, bins: DEFAULT_RFM.bins });
		expect(c.frequency).toBe(defaultFrequency(false));
	});

	it('the page model starts from the same values', () => {
		const { m, resolved } = page();
		const c = cli();
		expect(m.set).toBe(c.set);
		expect(m.presetId).toBe(DEFAULT_RFM.preset);
		expect({ monetary: m.monetary, returns: m.returns, cancelledPattern: m.cancelledPattern }).toEqual({
			monetary: c.tx.monetary,
			returns: c.tx.returns,
			cancelledPattern: c.tx.cancelledPattern
		});
		expect(resolved).toEqual(c.resolved);
		expect(m.frequency).toBe(c.frequency);
	});

	it('default frequency: orders with an order id, else days; rows when every dimension is r-rfm (as R)', () => {
		expect(defaultFrequency(true)).toBe('orders');
		expect(defaultFrequency(false)).toBe('days');
		expect(defaultFrequency(true, resolveScoring({ method: 'r-rfm' }))).toBe('rows');
		expect(defaultFrequency(true, resolveScoring({ method: 'r-rfm', m: { method: 'ntile' } }))).toBe('orders');
	});
});
