/**
 * The import's old two-pass builders, kept as a test oracle: the app parses every row once into a
 * staging table (src/core/sql/stage.ts: stageTxSql / stageSelectSql → stageChecksSql →
 * promoteStageSql); these build the same checks (validateMappingSql) and the same typed table
 * (buildTxSql) the straightforward way, and the tests prove both paths agree.
 */
import { cleanCellSql } from '../../src/core/sql/order-rules.ts';
import { columnCheckSql, type CellParse } from '../../src/core/sql/role-check.ts';
import { dateOf, idOf, numberOf, PLAIN, type TxMapping } from '../../src/core/sql/parse.ts';
import { trimSql } from '../../src/core/sql/trim.ts';
import { ident, join, raw, sql, type Sql } from '../../src/core/sql/sql.ts';

/**
 * The typed transaction table every analysis reads: src_row (data-row number), customer_id,
 * order_id (or NULL), ts, amount, cost (NULL when unmapped or unreadable). Rows whose customer,
 * date or amount cannot be read are kept out (and counted by validateMappingSql); a row whose cost
 * cannot be read is kept, with cost NULL (margins leave it out). Each mapped cell is read as
 * idExpr() / dateExpr() / numberExpr() read it, cleaned once in a subquery: those written out inline
 * made 36–77 kB statements, most of this oracle's time (≈ 75 of 132 s of engine time in stage.test.ts).
 */
export function buildTxSql(o: { source: string; target: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	if (!roles.customer || !roles.date) throw new Error('mapping needs customer and date columns');
	if (!roles.amount && !(roles.quantity && roles.price)) throw new Error('mapping needs an amount column, or quantity and unit price');
	const nf = o.mapping.numberFormats;
	const cells: Sql[] = [];
	const cell = (name: string, col: string, clean: (e: Sql) => Sql): Sql => {
		cells.push(sql`${clean(ident(col))} AS ${ident(name)}`);
		return ident(name);
	};
	const num = (name: 'amount' | 'quantity' | 'price' | 'cost') => numberOf(cell(`t_${name}`, roles[name]!, cleanCellSql), nf[name] ?? PLAIN);
	const customer = idOf(cell('t_customer', roles.customer, cleanCellSql));
	const order = roles.order ? idOf(cell('t_order', roles.order, cleanCellSql)) : raw('CAST(NULL AS VARCHAR)');
	const ts = dateOf(cell('t_date', roles.date, trimSql), o.mapping.dateFormat);
	const amount = roles.amount ? num('amount') : sql`(${num('quantity')} * ${num('price')})`;
	const cost = roles.cost ? num('cost') : raw('CAST(NULL AS DOUBLE)');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * FROM (
			SELECT src_row, ${customer} AS customer_id, ${order} AS order_id, ${ts} AS ts, ${amount} AS amount, ${cost} AS cost
			FROM (SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${join(cells)} FROM ${ident(o.source)}) AS cells
		) WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL`;
}

/**
 * One query that counts unreadable and empty values per mapped column, with the first bad row. Each
 * check reads its column as dateExpr() / numberExpr() do, the cell cleaned once (CellParse).
 */
export function validateMappingSql(o: { source: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	const parts: Sql[] = [];
	const add = (role: string, column: string | undefined, parsed: CellParse | null) => {
		if (column) parts.push(columnCheckSql({ source: o.source, role, column, parsed }));
	};
	const nf = o.mapping.numberFormats;
	const number = (f: (typeof nf)['amount']): CellParse => ({ clean: cleanCellSql, parse: (t) => numberOf(t, f ?? PLAIN) });
	add('customer', roles.customer, null);
	add('date', roles.date, { clean: trimSql, parse: (t) => dateOf(t, o.mapping.dateFormat) });
	add('amount', roles.amount, number(nf.amount));
	if (!roles.amount) {
		add('quantity', roles.quantity, number(nf.quantity));
		add('price', roles.price, number(nf.price));
	}
	add('order', roles.order, null);
	add('cost', roles.cost, number(nf.cost));
	return join(parts, ' UNION ALL ');
}
