import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { forecastCommand } from '../../../src/cli/forecast.ts';
import { fixture, SHARED_DATA, useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-forecast-');
const TX = ['--input', fixture('forecast', 'tiny-tx.csv'), '--customer', 'customer', '--date', 'date', '--amount', 'amount', '--order', 'order'];

async function run(args: string[]): Promise<{ lines: string[]; stderr: string }> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
	try {
		expect(await forecastCommand([...args, '--out', out])).toBeNull();
		return { lines: fs.readFileSync(out, 'utf8').trimEnd().split('\r\n'), stderr: err.mock.calls.map((c) => String(c[0])).join('') };
	} finally {
		err.mockRestore();
	}
}

describe('clientele forecast', () => {
	it('weekly orders: every week present, the partial last week dropped with a warning, the contract columns', async () => {
		const { lines, stderr } = await run([...TX, '--horizon', '2']);
		expect(lines[0]).toBe('group,period,kind,value,lower_80,upper_80,lower_95,upper_95');
		// weeks from Monday 2024-01-01: orders o1, o2 | none | o4 (o3 is only a return); the week of 01-22 ends after 01-24
		expect(lines.slice(1, 4)).toEqual(['all,2024-01-01,history,2,,,,', 'all,2024-01-08,history,0,,,,', 'all,2024-01-15,history,1,,,,']);
		expect(lines.slice(4).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['all,2024-01-22,forecast', 'all,2024-01-29,forecast']);
		expect(lines).toHaveLength(6);
		expect(stderr).toContain('The last period 2024-01-22 ends after the last day with data (2024-01-24)');
		expect(stderr).toContain('Under 6 periods of history');
	});

	it('revenue to 2 decimals, customers, and --by a column of the input', async () => {
		const revenue = await run([...TX, '--metric', 'revenue', '--horizon', '1']);
		expect(revenue.lines.slice(1, 4).map((l) => l.split(',')[3])).toEqual(['34.75', '0', '2.33']);
		const customers = await run([...TX, '--metric', 'customers', '--horizon', '1']);
		expect(customers.lines.slice(1, 4).map((l) => l.split(',')[3])).toEqual(['2', '0', '1']);
		const by = await run([...TX, '--by', 'channel', '--horizon', '1']);
		const history = by.lines.filter((l) => l.includes(',history,')).map((l) => l.split(',').slice(0, 4).join(','));
		expect(history).toEqual(['store,2024-01-01,history,1', 'store,2024-01-08,history,0', 'store,2024-01-15,history,1', 'web,2024-01-01,history,1', 'web,2024-01-08,history,0', 'web,2024-01-15,history,0']);
	});

	it('events of one touchpoint per day', async () => {
		const { lines } = await run(['--events', '--input', fixture('forecast', 'tiny-events.csv'), '--customer', 'customer', '--date', 'time', '--touchpoint', 'touchpoint', '--touchpoint-value', '客服电话', '--freq', 'day', '--horizon', '1', '--holidays', 'none']);
		expect(lines.slice(1, 5).map((l) => l.split(',').slice(1, 4).join(','))).toEqual(['2024-03-04,history,2', '2024-03-05,history,0', '2024-03-06,history,1', '2024-03-07,history,1']);
	});

	it('stops on a missing --by column and a bad option, naming them', async () => {
		await expect(forecastCommand([...TX, '--by', 'region'])).rejects.toMatchObject({ code: 'forecast.noColumn', params: { column: 'region' } });
		await expect(forecastCommand([...TX, '--freq', 'quarter'])).rejects.toMatchObject({ code: 'cli.badChoice', params: { option: 'freq' } });
		await expect(forecastCommand([...TX, '--metric', 'events'])).rejects.toMatchObject({ code: 'forecast.eventsMetric' });
	});
});

const UCI = path.join(SHARED_DATA, 'online_retail/online_retail_uci_2010_2011.csv.gz');
describe.skipIf(!fs.existsSync(UCI))('UCI Online Retail (skipped: ../shared/data is not beside this clone)', () => {
	it("daily purchase invoices equal R's count in the fixture; the backtest report has both models", async () => {
		const args = ['--input', UCI, '--customer', 'CustomerID', '--date', 'InvoiceDate', '--quantity', 'Quantity', '--price', 'UnitPrice', '--order', 'InvoiceNo', '--freq', 'day', '--holidays', 'none'];
		const { lines } = await run([...args, '--model', 'seasonal-naive', '--horizon', '7']);
		const ours = new Map(lines.filter((l) => l.includes(',history,')).map((l) => [l.split(',')[1], Number(l.split(',')[3])]));
		const r = fs.readFileSync(fixture('forecast', 'online-retail-daily.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
		expect(r).toHaveLength(365);
		for (const line of r) {
			const [day, n] = line.split(',');
			expect(ours.get(day)).toBe(Number(n));
		}
		const bt = await run([...args, '--report', 'backtest', '--horizon', '28']);
		expect(bt.lines[0]).toBe('group,model,horizon,origins,mae,rmse,mape,smape,mase,coverage_80,coverage_95');
		expect(bt.lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([expect.stringMatching(/^all,(ets|mstl),28,4$/), 'all,seasonal-naive,28,4']);
		expect(bt.stderr).toMatch(/MAPE leaves out \d+ backtest periods/);
	}, 120_000);
});
