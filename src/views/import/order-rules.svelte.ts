/** The user's order rules in the mapping form: the exclusion list and how refunds are netted. */
import {
	DEFAULT_EXCLUDED_STATUSES,
	isExcludedStatus,
	parseStatusList,
	statusKey,
	type OrderRules,
	type RefundPer
} from '../../core/import/order-rules.ts';

export class OrderRulesChoice {
	exclude = $state<string[]>([...DEFAULT_EXCLUDED_STATUSES]);
	refundPer = $state<RefundPer | 'auto'>('auto');

	/** The rules the next mapping applies (plain data). */
	get rules(): OrderRules {
		return { exclude: [...this.exclude], refundPer: this.refundPer };
	}

	get text(): string {
		return this.exclude.join(', ');
	}

	/** The list as the user typed it (comma-separated). */
	setText(text: string): void {
		this.exclude = parseStatusList(text);
	}

	isExcluded(value: string): boolean {
		return isExcludedStatus(value, this.exclude);
	}

	/** Ticks or unticks one status value of the file. */
	toggle(value: string): void {
		this.exclude = this.isExcluded(value)
			? this.exclude.filter((e) => statusKey(e) !== statusKey(value))
			: [...this.exclude, value];
	}

	reset(): void {
		this.exclude = [...DEFAULT_EXCLUDED_STATUSES];
	}
}
