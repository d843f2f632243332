/**
 * The import's old two-pass builders, kept as a test oracle: the app parses every row once into a
 * staging table (src/core/sql/stage.ts: stageTxSql / stageSelectSql → stageChecksSql →
 * promoteStageSql); these build the same checks (validateMappingSql) and the same typed table
 * (buildTxSql) the straightforward way, and the tests prove both paths agree.
 */
import { columnCheckSql } from '../../src/core/sql/role-check.ts';
import { amountExpr, costExpr, dateExpr, idExpr, numberExpr, PLAIN, type TxMapping } from '../../src/core/sql/parse.ts';
import { ident, join, raw, sql, type Sql } from '../../src/core/sql/sql.ts';

/**
 * The typed transaction table every analysis reads: src_row (data-row number), customer_id,
 * order_id (or NULL), ts, amount, cost (NULL when unmapped or unreadable). Rows whose customer,
 * date or amount cannot be read are kept out (and counted by validateMappingSql); a row whose cost
 * cannot be read is kept, with cost NULL (margins leave it out).
 */
export function buildTxSql(o: { source: string; target: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	if (!roles.customer || !roles.date) throw new Error('mapping needs customer and date columns');
	const orderCol = roles.order ? idExpr(roles.order) : raw('CAST(NULL AS VARCHAR)');
	return sql`CREATE OR REPLACE TABLE ${ident(o.target)} AS
		SELECT * FROM (
			SELECT CAST(rowid + 1 AS BIGINT) AS src_row, ${idExpr(roles.customer)} AS customer_id,
				${orderCol} AS order_id, ${dateExpr(roles.date, o.mapping.dateFormat)} AS ts,
				${amountExpr(o.mapping)} AS amount, ${costExpr(o.mapping)} AS cost
			FROM ${ident(o.source)}
		) WHERE customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL`;
}

/** One query that counts unreadable and empty values per mapped column, with the first bad row. */
export function validateMappingSql(o: { source: string; mapping: TxMapping }): Sql {
	const { roles } = o.mapping;
	const parts: Sql[] = [];
	const add = (role: string, column: string | undefined, parsed: Sql | null) => {
		if (column) parts.push(columnCheckSql({ source: o.source, role, column, parsed }));
	};
	const nf = o.mapping.numberFormats;
	add('customer', roles.customer, null);
	add('date', roles.date, dateExpr(roles.date ?? '', o.mapping.dateFormat));
	add('amount', roles.amount, roles.amount ? numberExpr(roles.amount, nf.amount ?? PLAIN) : null);
	if (!roles.amount) {
		add('quantity', roles.quantity, roles.quantity ? numberExpr(roles.quantity, nf.quantity ?? PLAIN) : null);
		add('price', roles.price, roles.price ? numberExpr(roles.price, nf.price ?? PLAIN) : null);
	}
	add('order', roles.order, null);
	add('cost', roles.cost, roles.cost ? costExpr(o.mapping) : null);
	return join(parts, ' UNION ALL ');
}
