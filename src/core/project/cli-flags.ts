/**
 * A project's settings as command-line flags (pure): what `--project FILE` adds to a command line
 * (cli/options.ts), before the flags given explicitly, which win. Only the flags a command accepts
 * are used. Carried: the mapping (roles, date format, time zone), the order rules, the window, RFM's
 * methods and rule-set preset, ABC's limits, CLV's model settings, the lifecycle thresholds.
 */
import type { Json, ModelSettings, ProjectSettings } from './settings-spec.ts';

/** The page's role → the CLI's flag. */
const ROLE_FLAGS: Record<string, string> = {
	customer: 'customer', date: 'date', amount: 'amount', quantity: 'quantity', price: 'price', order: 'order', cost: 'cost',
	status: 'status', refund: 'refund-amount', paid: 'paid-date'
};

const str = (x: Json | undefined): string | undefined => (typeof x === 'string' && x !== '' ? x : typeof x === 'number' ? String(x) : undefined);
const obj = (x: Json | undefined): ModelSettings => (x && typeof x === 'object' && !Array.isArray(x) ? x : {});

/** Flag → value (without the leading dashes). */
export function projectFlags(s: ProjectSettings): Record<string, string> {
	const out: Record<string, string> = {};
	const set = (flag: string, v: string | undefined) => {
		if (v !== undefined) out[flag] = v;
	};
	const imp = obj(s.import);
	for (const [role, col] of Object.entries(obj(imp.roles))) if (ROLE_FLAGS[role]) set(ROLE_FLAGS[role], str(col));
	set('tz', str(imp.timeZone));
	const df = obj(imp.dateFormat);
	set('date-format', str(df.numeric) ?? str(df.label));
	const orders = obj(s.orders);
	const roles = obj(imp.roles);
	// The order rules apply to a status and a refund column (the CLI refuses them without one).
	if (str(roles.status) && Array.isArray(orders.exclude)) set('exclude-status', orders.exclude.filter((x) => typeof x === 'string').join(','));
	if (str(roles.refund) && orders.refundPer !== 'auto') set('refund-per', str(orders.refundPer));
	const w = obj(s.window);
	if (w.start !== 'default') set('window-start', str(w.start));
	if (w.asOf !== 'default') set('as-of', str(w.asOf));
	const rfm = obj(s.rfm);
	for (const k of ['frequency', 'monetary', 'returns'] as const) set(k, str(rfm[k]));
	if (rfm.returns === 'drop-cancelled') set('cancelled-pattern', str(rfm.cancelledPattern));
	if (rfm.presetId !== 'custom') set('segments', str(rfm.presetId));
	const dims = obj(rfm.dims);
	const bins = new Set<string | undefined>();
	for (const d of ['r', 'f', 'm']) {
		const x = obj(dims[d]);
		set(`${d}-method`, str(x.method));
		// Mean and median always split in two: bins given with them are refused (cli.binsNoEffect).
		if (x.method !== 'mean' && x.method !== 'median') bins.add(str(x.bins));
		if (x.method === 'thresholds' || x.method === 'r-rfm') set(`${d}-thresholds`, str(x.cuts));
	}
	if (bins.size === 1) set('bins', [...bins][0]);
	const abc = obj(s.abc);
	if (typeof abc.aPct === 'number') set('a', String(abc.aPct / 100));
	if (typeof abc.bPct === 'number') set('b', String(abc.bPct / 100));
	const clv = obj(s.clv);
	set('unit', str(clv.unit));
	set('horizon-months', str(clv.horizonMonths));
	set('discount', str(clv.monthlyDiscountRate));
	const life = obj(s.lifecycle);
	set('new-days', str(life.newDays));
	set('active-days', str(life.activeDays));
	set('churn-days', str(life.churnDays));
	return out;
}
