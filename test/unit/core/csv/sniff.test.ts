import { describe, expect, it } from 'vitest';
import { guessRoles } from '../../../../src/core/csv/roles.ts';
import { dedupeNames, sniffSample } from '../../../../src/core/csv/sniff.ts';
import { ClienteleError } from '../../../../src/core/errors.ts';


const sniff = (text: string) => sniffSample(text, { fileName: 'x.csv' });

describe('sniffSample(): delimiters', () => {
	it.each([
		[',', 'a,b,c\n1,2024-01-05,3.5\n2,2024-01-06,4\n'],
		[';', 'a;b;c\n1;2024-01-05;3.5\n2;2024-01-06;4\n'],
		['\t', 'a\tb\tc\n1\t2024-01-05\t3.5\n2\t2024-01-06\t4\n'],
		['|', 'a|b|c\n1|2024-01-05|3.5\n2|2024-01-06|4\n']
	])('%j', (delim, text) => {
		const s = sniff(text);
		expect(s.delimiter).toBe(delim);
		expect(s.hasHeader).toBe(true);
		expect(s.columns.map((c) => [c.name, c.kind])).toEqual([
			['a', 'integer'],
			['b', 'date'],
			['c', 'number']
		]);
		expect(s.preview).toEqual([
			['1', '2024-01-05', '3.5'],
			['2', '2024-01-06', '4']
		]);
	});

	it('a semicolon file with decimal commas reads 3,5 as 3.5, not 35 (regression)', () => {
		const s = sniff('a;b\n1;3,5\n2;4\n');
		expect(s.columns[1]?.number?.format).toEqual({ decimal: ',', thousands: '', decorated: false });
	});
});

describe('sniffSample(): quoting, Excel sep= line, BOM, CRLF', () => {
	it('quoted fields with embedded newlines, delimiters and doubled quotes', () => {
		const s = sniff('id,note,amt\n1,"line1\nline2, ""q""",5\n2,x,6\n');
		expect(s.preview).toEqual([
			['1', 'line1\nline2, "q"', '5'],
			['2', 'x', '6']
		]);
	});

	it("Excel's sep=; first line forces the delimiter and is skipped", () => {
		const s = sniff('sep=;\r\nname;amount\r\nA,B;1,5\r\nC;2\r\n');
		expect(s).toMatchObject({ delimiter: ';', skipLines: 1, hasHeader: true });
		expect(s.columns.map((c) => c.name)).toEqual(['name', 'amount']);
		expect(s.preview[0]).toEqual(['A,B', '1,5']);
	});

	it('a UTF-8 BOM does not stick to the first header', () => {
		const s = sniff('\ufeff客户编号,金额\r\nC1,1\r\nC2,2\r\n');
		expect(s.columns.map((c) => c.name)).toEqual(['客户编号', '金额']);
	});

	it('BOM before sep= still finds the sep line', () => {
		expect(sniff('\ufeffsep=|\na|b\n1|2\n')).toMatchObject({ delimiter: '|', skipLines: 1 });
	});

	it('empty input is a typed error', () => {
		expect(() => sniff('')).toThrow(ClienteleError);
		expect(() => sniff('\n\n')).toThrow(expect.objectContaining({ code: 'import.empty', params: { file: 'x.csv' } }));
	});
});

describe('sniffSample(): header or not', () => {
	it.each([
		['names over data', 'customer,date,amount\nA,2024-01-05,3\nB,2024-01-06,4\n', true],
		['no header: ids, dates, amounts in the first row', 'C001,2024-01-05,12.5\nC002,2024-01-06,13\n', false],
		['no header: all numeric', '1,2,3\n4,5,6\n', false],
		['single header row', 'a,b\n', true]
	])('%s', (_n, text, header) => {
		const s = sniff(text);
		expect(s.hasHeader).toBe(header);
		if (!header) expect(s.columns.map((c) => c.name)).toEqual(['column1', 'column2', 'column3']);
	});
});

describe('dedupeNames()', () => {
	it.each([
		[['id', 'ID', 'Id'], ['id', 'ID_2', 'Id_3']],
		[['', ' ', 'x'], ['column1', 'column2', 'x']],
		[['amount', 'amount', 'amount_2'], ['amount', 'amount_2', 'amount_2_2']],
		[[' 金额 ', '金额'], ['金额', '金额_2']]
	])('%j → %j', (input, out) => {
		expect(dedupeNames(input)).toEqual(out);
	});

	it('a file with duplicate and empty headers gets unique names', () => {
		const s = sniff('customer,date,amount,amount,\nA,2024-01-05,1,2,x\nB,2024-01-06,3,4,y\n');
		expect(s.columns.map((c) => c.name)).toEqual(['customer', 'date', 'amount', 'amount_2', 'column5']);
	});
});

describe('profileColumn via sniffSample(): idLike', () => {
	it.each([
		['leading zeros', ['0007', '0012'], true],
		['16+ digits', ['1234567890123456', '2'], true],
		['letters with zeros', ['C0001', 'C0002'], false],
		['plain integers', ['17850', '12346'], false],
		['a lone zero', ['0', '1'], false]
	])('%s', (_n, vals, idLike) => {
		const s = sniff('id,x\n' + vals.map((v) => `${v},a`).join('\n') + '\n');
		expect(s.columns[0]?.idLike).toBe(idLike);
	});
});

describe('guessRoles()', () => {
	it.each([
		[
			'Chinese shop export',
			'订单号,客户编号,下单时间,数量,单价,实付金额\nD1,C0001,2024/1/5 10:00,2,9.9,19.8\nD2,C0002,2024/1/6 11:00,1,5,5\nD3,C0001,2024/1/7 09:30,3,2.5,7.5\n',
			{ order: '订单号', customer: '客户编号', date: '下单时间', quantity: '数量', price: '单价', amount: '实付金额' }
		],
		[
			'UCI Online Retail: amount = Quantity × UnitPrice, order = InvoiceNo',
			'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom\nC536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom\n',
			{ order: 'InvoiceNo', customer: 'CustomerID', date: 'InvoiceDate', quantity: 'Quantity', price: 'UnitPrice' }
		],
		[
			'CDNOW',
			'customer_id,date,quantity,amount\n1,1997-01-01,1,11.77\n2,1997-01-12,1,12.00\n2,1997-01-12,5,77.00\n3,1997-01-02,2,20.76\n',
			{ customer: 'customer_id', date: 'date', quantity: 'quantity', amount: 'amount' }
		],
		[
			'R rfm orders',
			'customer_id,order_date,revenue\nMr. Brion Stark Sr.,2004-12-20,32\nEthyl Botsford,2005-05-02,36\nHosteen Jast,2004-03-06,116\nMr. Brion Stark Sr.,2005-01-03,40\n',
			{ customer: 'customer_id', date: 'order_date', amount: 'revenue' }
		]
	])('%s', (_n, text, expected) => {
		expect(guessRoles(sniff(text).columns)).toEqual(expected);
	});

	it('each column serves one role at most, and a date column is never an amount', () => {
		const g = guessRoles(sniff('日期,金额\n2024-01-05,3\n2024-01-06,4\n').columns);
		expect(g).toEqual({ date: '日期', amount: '金额' });
	});
});
