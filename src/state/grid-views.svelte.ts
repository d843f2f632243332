/**
 * What each data grid shows beyond its source — computed columns, filters, quick search — and the
 * customer lists saved from filtered grids. Plain JSON (core/sql/grid-filter.ts GridView), keyed by
 * the grid's key (e.g. `raw:<file>`), so project files can store them and other views can use a
 * saved list as a group (its members: customerListSql over the list's source and view).
 */
import { readLayout, type GridLayout } from '../core/grid/layout.ts';
import { EMPTY_VIEW, type GridView } from '../core/sql/grid-filter.ts';

/** A customer list saved from a filtered grid. */
export interface CustomerList {
	name: string;
	/** The grid key it was saved from (e.g. `raw:transactions.csv`). */
	source: string;
	/** The customer-id column of that source. */
	customerColumn: string;
	/** The filters, search and computed columns that define it (plain JSON). */
	view: GridView;
	/** Members when it was saved. */
	customers: number;
}

class GridViews {
	/** Settings per grid key (replaced, never mutated). */
	views = $state.raw<Record<string, GridView>>({});
	lists = $state.raw<CustomerList[]>([]);
	/** Column widths and hidden columns per grid key (every grid, with or without tools). */
	layouts = $state.raw<Record<string, GridLayout>>({});

	get(key: string): GridView {
		return this.views[key] ?? EMPTY_VIEW;
	}

	set(key: string, view: GridView): void {
		this.views = { ...this.views, [key]: view };
	}

	/** The grid's layout (a restored project's JSON is checked here: it is untrusted). */
	layout(key: string): GridLayout {
		return readLayout(this.layouts[key]);
	}

	setLayout(key: string, layout: GridLayout): void {
		this.layouts = { ...this.layouts, [key]: layout };
	}

	/** Saves (or replaces, by name) a customer list. */
	saveList(list: CustomerList): void {
		const copy: CustomerList = JSON.parse(JSON.stringify(list)) as CustomerList;
		this.lists = [...this.lists.filter((l) => l.name !== list.name), copy];
	}

	removeList(name: string): void {
		this.lists = this.lists.filter((l) => l.name !== name);
	}
}

export const gridViews = new GridViews();
