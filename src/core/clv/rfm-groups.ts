/**
 * Customers with the same (x, t_x, T) contribute the same likelihood term, so fits work on
 * weighted groups. T and t_x take few distinct values (one per calendar day at most), so the
 * groups also index those, letting a likelihood evaluation take one log per distinct value.
 */

/** The BG/NBD input for one customer, in model time units. */
export interface RfmInput {
	/** Repeat purchases in calibration (whole number ≥ 0). */
	x: number;
	/** Time of the last purchase, measured from the first (0 ≤ t_x ≤ T; 0 when x = 0). */
	tx: number;
	/** Time from the first purchase to the end of calibration. */
	T: number;
}

export interface RfmGroups {
	/** Number of input customers. */
	customers: number;
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array;
	uniqueT: Float64Array;
	tIndex: Int32Array;
	uniqueTx: Float64Array;
	txIndex: Int32Array;
	/** Distinct x values, ascending, and each group's position in that list. */
	uniqueX: Float64Array;
	xIndex: Int32Array;
	/** The group of each input customer. */
	groupOf: Int32Array;
}

/** Throw unless c is a valid (x, t_x, T); `i` names the customer in the message. */
export function checkRfmInput(c: RfmInput, i: number): void {
	const where = `customer ${i + 1}`;
	if (!Number.isInteger(c.x) || c.x < 0)
		throw new RangeError(`${where}: x must be a whole number ≥ 0, got ${c.x}`);
	if (!Number.isFinite(c.T) || c.T < 0)
		throw new RangeError(`${where}: T must be a finite number ≥ 0, got ${c.T}`);
	if (!Number.isFinite(c.tx) || c.tx < 0)
		throw new RangeError(`${where}: t_x must be a finite number ≥ 0, got ${c.tx}`);
	if (c.tx > c.T * (1 + 1e-9) + 1e-9)
		throw new RangeError(`${where}: t_x (${c.tx}) exceeds T (${c.T})`);
	if (c.x === 0 && c.tx !== 0)
		throw new RangeError(`${where}: t_x must be 0 when x = 0, got ${c.tx}`);
}

function indexValues(values: Float64Array): [Float64Array, Int32Array] {
	const map = new Map<number, number>();
	const unique: number[] = [];
	const index = new Int32Array(values.length);
	values.forEach((v, i) => {
		let k = map.get(v);
		if (k === undefined) {
			k = unique.length;
			map.set(v, k);
			unique.push(v);
		}
		index[i] = k;
	});
	return [Float64Array.from(unique), index];
}

/** Validate and compress customers into weighted (x, t_x, T) groups. */
export function groupRfm(customers: readonly RfmInput[]): RfmGroups {
	const keyToGroup = new Map<string, number>();
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const weight: number[] = [];
	const groupOf = new Int32Array(customers.length);
	customers.forEach((c, i) => {
		checkRfmInput(c, i);
		const key = `${c.x}|${c.tx}|${c.T}`;
		let g = keyToGroup.get(key);
		if (g === undefined) {
			g = x.length;
			keyToGroup.set(key, g);
			x.push(c.x);
			tx.push(c.tx);
			T.push(c.T);
			weight.push(0);
		}
		weight[g] = (weight[g] as number) + 1;
		groupOf[i] = g;
	});
	const xs = Float64Array.from(x);
	const txs = Float64Array.from(tx);
	const Ts = Float64Array.from(T);
	const [uniqueT, tIndex] = indexValues(Ts);
	const [uniqueTx, txIndex] = indexValues(txs);
	const uniqueX = Float64Array.from(new Set(x)).sort();
	const xPos = new Map<number, number>();
	uniqueX.forEach((v, i) => xPos.set(v, i));
	const xIndex = Int32Array.from(x, (v) => xPos.get(v) as number);
	return {
		customers: customers.length,
		x: xs,
		tx: txs,
		T: Ts,
		weight: Float64Array.from(weight),
		uniqueT,
		tIndex,
		uniqueTx,
		txIndex,
		uniqueX,
		xIndex,
		groupOf
	};
}
