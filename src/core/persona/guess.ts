import type { BehaviourColumns } from './defaults.ts';

/** Header names (zh and en) that name each class column; the first column matching wins. */
const PATTERNS: Record<keyof BehaviourColumns, RegExp> = {
	category: /品类|类别|类目|分类|category|department/i,
	channel: /渠道|来源|平台|channel|source/i,
	region: /城市|地区|区域|省份|国家|city|region|country|province|state/i,
	discount: /优惠|折扣|券|discount|coupon|promo/i
};

/** The class columns guessed from the transaction file's headers, leaving out the columns mapped to roles. */
export function guessClassColumns(columns: readonly string[], mapped: readonly string[]): BehaviourColumns {
	const free = columns.filter((c) => !mapped.includes(c));
	const out: BehaviourColumns = {};
	for (const k of Object.keys(PATTERNS) as (keyof BehaviourColumns)[]) {
		const hit = free.find((c) => PATTERNS[k].test(c) && !Object.values(out).includes(c));
		if (hit) out[k] = hit;
	}
	return out;
}
