import { describe, expect, it } from 'vitest';
import { ClienteleError } from '../../../../src/core/errors.ts';
import { decodeLink, encodeLink } from '../../../../src/core/project/link.ts';
import { linkSettings } from '../../../../src/core/project/settings-spec.ts';
import { ALL_SPECS } from '../../../../src/settings-owner.ts';
import { attachSettings, currentSettings } from '../../../../src/state/project-settings.ts';
import { OrderRulesChoice } from '../../../../src/views/import/order-rules.svelte.ts';
import { ORDERS_SETTINGS } from '../../../../src/views/import/settings.ts';
import { JOURNEY_SETTINGS } from '../../../../src/views/journey/settings.ts';
import { KPI_SETTINGS } from '../../../../src/views/kpi/settings.ts';

describe('settings link', () => {
	it('round-trips settings through #p=… (base64url: no + / = in the fragment)', async () => {
		const s = { rfm: { presetId: 'cn8', dims: { r: { method: 'mean', bins: 2, cuts: '' } } }, window: { start: 'default', asOf: '2025-06-30' } };
		const f = await encodeLink(s);
		expect(f).toMatch(/^p=[A-Za-z0-9_-]+$/);
		expect(await decodeLink(`#${f}`)).toEqual(s);
		expect(await decodeLink('#section-2')).toBeNull();
	});

	it('a damaged link says so', async () => {
		await expect(decodeLink('#p=AAAA')).rejects.toBeInstanceOf(ClienteleError);
	});

	it('what comes from the data stays out: markers in the data-derived settings of real models never reach the link', async () => {
		const orders = new OrderRulesChoice();
		orders.exclude = ['MARK-status-1', 'MARK-status-2'];
		orders.refundPer = 'order';
		attachSettings(ORDERS_SETTINGS, orders);
		// Plain objects standing for the journey and KPI models: the spec's fields are what is read.
		attachSettings(JOURNEY_SETTINGS, { filter: 'MARK-touch', pathSteps: 4, topN: 10, collapseRepeats: true, funnelField: 'touchpoint', funnelSteps: ['MARK-step'], windowDays: 30, funnelSplit: 'none', useChannelColumn: true, channels: { 'MARK-tp': 'web' } });
		attachSettings(KPI_SETTINGS, { dim: 'region', trendKpi: 'nps', trendUnit: 'month', compareDim: 'region', compareA: 'MARK-north', compareB: 'MARK-south', start: '', end: '', lostDays: 90, targetSettings: {}, cesValue: null });
		const all = currentSettings();
		// The project file keeps them (the test would prove nothing otherwise) …
		expect(JSON.stringify(all)).toContain('MARK-');
		// … the link does not, and keeps the rest.
		const decoded = await decodeLink(await encodeLink(linkSettings(all, ALL_SPECS)));
		expect(JSON.stringify(decoded)).not.toContain('MARK');
		expect(decoded?.orders).toEqual({ refundPer: 'order' });
		expect(decoded?.journey?.pathSteps).toBe(4);
		expect(decoded?.kpi?.lostDays).toBe(90);
	});
});
