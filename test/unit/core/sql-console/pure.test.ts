import { describe, expect, it } from 'vitest';
import { engineError } from '../../../../src/core/sql-console/engine-error.ts';
import { quoteName } from '../../../../src/core/sql-console/quote.ts';
import { lineColumn } from '../../../../src/core/sql-console/tokens.ts';

describe('the console’s pure helpers', () => {
	it('quotes a name only when DuckDB would read it otherwise', () => {
		expect(['tx', 'rfm_base', 'Amount', '客户编号', 'order', 'a b', 'x"y'].map(quoteName)).toEqual([
			'tx', 'rfm_base', '"Amount"', '"客户编号"', '"order"', '"a b"', '"x""y"'
		]);
	});

	it('counts lines and columns from 1', () => {
		const t = 'SELECT a,\n  b\nFROM t';
		expect(lineColumn(t, t.indexOf('b'))).toEqual({ line: 2, column: 3 });
		expect(lineColumn(t, 0)).toEqual({ line: 1, column: 1 });
	});

	it('finds the caret of a long line DuckDB shows as a window', () => {
		// DuckDB's own form for a long line: a window of it with "..." before, the caret under the culprit
		const user = `SELECT ${'x1, '.repeat(40)}nosuch FROM t`;
		const at = user.indexOf('nosuch');
		const snippet = `...${user.slice(at - 20)}`;
		const message = `Binder Error: Referenced column "nosuch" not found in FROM clause!\n\nLINE 1: ${snippet}\n${' '.repeat('LINE 1: '.length + 23)}^`;
		const e = engineError(new Error(message), user, 0, user);
		expect([e.code, e.params.name, e.at]).toEqual(['console.err.noColumn', 'nosuch', at]);
	});

	it('keeps a parser error’s offset from the JSON form, shifted into the user’s text', () => {
		const user = 'SELECT 1 +';
		const probe = `SELECT * FROM (\n${user}\n)`;
		const json = JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near ")"', position: String(probe.length - 1) });
		const e = engineError(new Error(json), probe, 'SELECT * FROM (\n'.length, user);
		// the ")" is the wrapper's, after the user's text: the statement ended too soon, the caret goes to its end
		expect([e.code, e.params.name, e.at]).toEqual(['console.err.syntax', 'EOF', user.length]);
	});
});
