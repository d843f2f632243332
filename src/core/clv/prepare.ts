/**
 * Transaction rows → the per-customer summary the CLV models need (x, t_x, T, zbar), plus the
 * hold-out purchase count. The reference implementation; the app does the same in SQL.
 */

export type TimeUnit = 'day' | 'week';

/** Days per model time unit. */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7 };

export interface Transaction {
	customerId: string;
	/** Whole days since 1970-01-01. */
	day: number;
	amount: number;
}

export interface PrepareOptions {
	/** Last day (inclusive) of the calibration period, days since epoch. */
	calibrationEnd: number;
	/** Last day (inclusive) of the hold-out period. Default: the latest day in the rows. */
	observationEnd?: number;
	/** Model time unit for t_x and T. */
	unit: TimeUnit;
	/** Round t_x and T to this many decimals (the CDNOW reference files use 2). Default: no rounding. */
	roundDecimals?: number;
}

export interface CustomerSummary {
	customerId: string;
	/** Repeat purchases: distinct purchase days in calibration − 1. */
	x: number;
	/** Recency: last − first calibration purchase day, in units. */
	tx: number;
	/** Age: calibrationEnd − first purchase day, in units. */
	T: number;
	/** Mean spend per repeat purchase day (first day left out); 0 when x = 0. */
	zbar: number;
	/** Distinct purchase days after calibrationEnd, up to observationEnd. */
	holdoutPurchases: number;
	firstDay: number;
}

export interface PreparedData {
	/** Customers whose first purchase is in calibration, in order of first appearance in the rows. */
	customers: CustomerSummary[];
	/** Customers whose first purchase is after calibrationEnd (left out of `customers`). */
	excludedNewCustomers: number;
	calibrationEnd: number;
	observationEnd: number;
	/** Hold-out length in units: (observationEnd − calibrationEnd) / unit days. */
	holdoutLength: number;
	unit: TimeUnit;
}

interface Acc {
	customerId: string;
	/** Calibration day → that day's total spend. */
	days: Map<number, number>;
	holdout: Set<number>;
}

function checkOptions(o: PrepareOptions): void {
	if (!Number.isInteger(o.calibrationEnd))
		throw new RangeError(`calibrationEnd must be a whole day number, got ${o.calibrationEnd}`);
	if (o.observationEnd !== undefined) {
		if (!Number.isInteger(o.observationEnd))
			throw new RangeError(`observationEnd must be a whole day number, got ${o.observationEnd}`);
		if (o.observationEnd < o.calibrationEnd) {
			throw new RangeError(
				`observationEnd (${o.observationEnd}) is before calibrationEnd (${o.calibrationEnd})`
			);
		}
	}
	if (!Object.hasOwn(UNIT_DAYS, o.unit))
		throw new RangeError(`unit must be 'day' or 'week', got ${JSON.stringify(o.unit)}`);
	const d = o.roundDecimals;
	if (d !== undefined && (!Number.isInteger(d) || d < 0 || d > 12))
		throw new RangeError(`roundDecimals must be a whole number 0..12, got ${d}`);
}

function checkRow(row: Transaction, i: number): void {
	if (typeof row.customerId !== 'string')
		throw new TypeError(
			`row ${i + 1}: customerId must be a string, got ${JSON.stringify(row.customerId)}`
		);
	if (!Number.isInteger(row.day))
		throw new RangeError(`row ${i + 1}: day must be a whole day number, got ${row.day}`);
	if (!Number.isFinite(row.amount))
		throw new RangeError(`row ${i + 1}: amount must be a finite number, got ${row.amount}`);
}

/** Per-customer BG/NBD and Gamma-Gamma inputs from transaction rows. */
export function prepareRfm(rows: readonly Transaction[], options: PrepareOptions): PreparedData {
	checkOptions(options);
	const { calibrationEnd } = options;
	const unitDays = UNIT_DAYS[options.unit];
	let observationEnd = options.observationEnd ?? calibrationEnd;
	if (options.observationEnd === undefined) {
		for (const row of rows) if (row.day > observationEnd) observationEnd = row.day;
	}
	const byCustomer = new Map<string, Acc>();
	rows.forEach((row, i) => {
		checkRow(row, i);
		if (row.day > observationEnd) return;
		let acc = byCustomer.get(row.customerId);
		if (!acc) {
			acc = { customerId: row.customerId, days: new Map(), holdout: new Set() };
			byCustomer.set(row.customerId, acc);
		}
		if (row.day <= calibrationEnd) acc.days.set(row.day, (acc.days.get(row.day) ?? 0) + row.amount);
		else acc.holdout.add(row.day);
	});
	const scale = options.roundDecimals === undefined ? 0 : 10 ** options.roundDecimals;
	const round = (v: number): number => (scale === 0 ? v : Math.round(v * scale) / scale);
	const customers: CustomerSummary[] = [];
	let excludedNewCustomers = 0;
	for (const acc of byCustomer.values()) {
		if (acc.days.size === 0) {
			excludedNewCustomers++;
			continue;
		}
		let first = Infinity;
		let last = -Infinity;
		for (const day of acc.days.keys()) {
			first = Math.min(first, day);
			last = Math.max(last, day);
		}
		let repeatSpend = 0;
		for (const [day, spend] of acc.days) if (day !== first) repeatSpend += spend;
		const x = acc.days.size - 1;
		const zbar = x === 0 ? 0 : repeatSpend / x;
		customers.push({
			customerId: acc.customerId,
			x,
			tx: round((last - first) / unitDays),
			T: round((calibrationEnd - first) / unitDays),
			zbar,
			holdoutPurchases: acc.holdout.size,
			firstDay: first
		});
	}
	return {
		customers,
		excludedNewCustomers,
		calibrationEnd,
		observationEnd,
		holdoutLength: (observationEnd - calibrationEnd) / unitDays,
		unit: options.unit
	};
}
