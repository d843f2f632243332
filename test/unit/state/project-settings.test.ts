import { describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/db/client.ts';
import { pickSettings, putSettings, type SettingsSpec } from '../../../src/core/project/settings-spec.ts';
import { PRESETS } from '../../../src/core/segments/presets.ts';
import { defaultDims } from '../../../src/core/rfm/settings.ts';
import { attachSettings, currentSettings, detachSettings, fieldAdapter, restoreSettings } from '../../../src/state/project-settings.ts';
import { AbcModel } from '../../../src/views/abc/abc-model.svelte.ts';
import { ABC_SETTINGS } from '../../../src/views/abc/settings.ts';
import { ImportModel } from '../../../src/views/import/import-model.svelte.ts';
import { IMPORT_SETTINGS, ORDERS_SETTINGS } from '../../../src/views/import/settings.ts';
import { RfmModel } from '../../../src/views/rfm/rfm-model.svelte.ts';
import { RFM_SETTINGS } from '../../../src/views/rfm/settings.ts';
import { ClvModel } from '../../../src/views/value-matrix/clv-model.svelte.ts';
import { MatrixModel } from '../../../src/views/value-matrix/matrix-model.svelte.ts';
import { CLV_SETTINGS, MATRIX_SETTINGS } from '../../../src/views/value-matrix/settings.ts';

// The models only keep the client until they run: none runs here.
const db = {} as DbClient;

/** A settings round trip through JSON text, as in project.json: model A's settings written into a fresh model B. */
function roundTrip<T extends object>(spec: SettingsSpec, a: T, b: T): void {
	const saved = JSON.parse(JSON.stringify(pickSettings(a, spec))) as ReturnType<typeof pickSettings>;
	expect(putSettings(b, spec, saved).sort()).toEqual([...spec.fields].sort());
	expect(pickSettings(b, spec)).toEqual(pickSettings(a, spec));
}

describe('settings of real view models restore exactly', () => {
	it('RFM: methods, bins, cut points, rule set (its labels edited)', () => {
		const a = new RfmModel(db);
		a.dims = { ...defaultDims('thresholds'), r: { method: 'thresholds', bins: 4, cuts: '30, 90, 180' } };
		[a.monetary, a.returns, a.frequency, a.presetId] = ['average', 'exclude', 'rows', 'custom'];
		a.set = { ...PRESETS.cn8, rules: PRESETS.cn8.rules.map((r, i) => (i === 0 ? { ...r, label: '贵宾 VIP' } : r)) };
		const b = new RfmModel(db);
		expect(pickSettings(b, RFM_SETTINGS)).not.toEqual(pickSettings(a, RFM_SETTINGS));
		roundTrip(RFM_SETTINGS, a, b);
		expect(b.set.rules[0]!.label).toBe('贵宾 VIP');
	});

	it('ABC limits, CLV model, value matrix axes and edited strategies, import mapping and order rules', () => {
		const abc = new AbcModel(db, 1);
		[abc.aPct, abc.bPct] = [70, 90];
		roundTrip(ABC_SETTINGS, abc, new AbcModel(db, 1));
		const clv = new ClvModel(db);
		[clv.unit, clv.horizonMonths, clv.monthlyDiscountRate] = ['day', 24, 0.02];
		roundTrip(CLV_SETTINGS, clv, new ClvModel(db));
		const m = new MatrixModel(db);
		m.splitKind = 'median';
		m.strategies = { ...m.strategies, en: { ...m.strategies.en, core: 'Call them every month' } };
		const m2 = new MatrixModel(db);
		roundTrip(MATRIX_SETTINGS, m, m2);
		expect(m2.strategies.en.core).toBe('Call them every month');
		const imp = new ImportModel();
		imp.roles = { customer: '客户', date: '日期', amount: '金额', status: '状态' };
		imp.timeZone = 'Asia/Shanghai';
		imp.orders.exclude = ['已取消', '退款成功'];
		const imp2 = new ImportModel();
		roundTrip(IMPORT_SETTINGS, imp, imp2);
		roundTrip(ORDERS_SETTINGS, imp.orders, imp2.orders);
	});

	it('a model made after the project was opened gets its settings when it is attached', async () => {
		detachSettings([ABC_SETTINGS.key]);
		await restoreSettings({ abc: { aPct: 60, bPct: 85 } }, [ABC_SETTINGS.key]);
		expect(currentSettings().abc).toEqual({ aPct: 60, bPct: 85 });
		const later = new AbcModel(db, 2);
		attachSettings(ABC_SETTINGS, later, fieldAdapter(ABC_SETTINGS, later));
		await Promise.resolve();
		expect([later.aPct, later.bPct]).toEqual([60, 85]);
	});
});
