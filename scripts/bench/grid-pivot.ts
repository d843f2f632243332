/**
 * The Pivot tab on the loaded retail file (issue 16: "a pivot with two group-bys < 300 ms"), after the
 * Data tab made the grid's typed copy it reads. Countries as rows (set first, not timed), then timed:
 *   pivot_columns — InvoiceDate added as columns (by month, the default grain): count per
 *     country × month (the column keys' query, then the pivot);
 *   pivot_two_groupbys — the second value's aggregate set to sum of Quantity: count + sum per
 *     country × month, the whole statement run again.
 * Each from the control's change event to the table shown again (the view's data-status went to
 * 'loading' and back to 'ready', the table drawn: the frame after).
 */
import type { Page } from 'playwright-core';
import { measure, type OpRun } from './grid-ops.ts';
import { until, waitIdle } from './value.ts';

const WATCH = {
	busy: `$('pivot-view') && $('pivot-view').getAttribute('data-status') !== 'ready'`,
	shown: `__gb.watches.busy.dom !== null && $('pivot-view').getAttribute('data-status') === 'ready' && !!$('pivot-table')`
};
const READY = `(function () { var v = document.querySelector('[data-testid="pivot-view"]'); return !!v && v.getAttribute('data-status') === 'ready'; })()`;

/** A select's value set and its change dispatched, as a user's choice does. */
const choose = (sel: string, value: string) =>
	`var s = ${sel}; s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;

export async function pivot(page: Page, timeoutMs: number): Promise<OpRun[]> {
	await page.getByTestId('tab-pivot').click();
	await page
		.getByTestId('pivot-add-rows')
		.locator('option[value="Country"]')
		.waitFor({ state: 'attached', timeout: timeoutMs });
	await page.getByTestId('pivot-add-rows').selectOption('Country');
	await until(page, READY, timeoutMs);
	await waitIdle(page, 500, timeoutMs);
	const out: OpRun[] = [];
	out.push(
		await measure(page, {
			op: 'pivot_columns',
			what: 'pivot Country × InvoiceDate (month), count',
			watches: WATCH,
			action: choose(`$('pivot-add-columns')`, 'InvoiceDate'),
			main: 'shown',
			timeoutMs
		})
	);
	// A second value: sum of Quantity (set up untimed: each change runs the pivot).
	await page.getByTestId('pivot-add-value').click();
	await until(page, READY, timeoutMs);
	await page.getByTestId('pivot-value-field').nth(1).selectOption('Quantity');
	await until(page, READY, timeoutMs);
	await waitIdle(page, 500, timeoutMs);
	out.push(
		await measure(page, {
			op: 'pivot_two_groupbys',
			what: 'pivot Country × InvoiceDate (month), count + sum of Quantity',
			watches: WATCH,
			action: choose(`document.querySelectorAll('[data-testid="pivot-value-agg"]')[1]`, 'sum'),
			main: 'shown',
			timeoutMs
		})
	);
	const cols = (await page.evaluate(
		`document.querySelectorAll('[data-testid="pivot-table"] td[data-col$="_v1"]').length`
	)) as number;
	if (cols === 0) throw new Error('grid bench: the pivot shows no second value column');
	return out;
}
