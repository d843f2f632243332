import { describe, expect, it } from 'vitest';
import { StepQueue, type RfmStep } from '../../../../src/views/rfm/step-queue.ts';

describe('StepQueue: RFM changes run one at a time, rapid ones coalesce', () => {
	it('runs a lone change as asked', async () => {
		const ran: RfmStep[] = [];
		const q = new StepQueue(async (s) => void ran.push(s));
		await q.request('rescore');
		expect(ran).toEqual(['rescore']);
	});

	it('changes waiting behind a running one become one run of the step covering them all', async () => {
		const ran: RfmStep[] = [];
		let release: () => void = () => undefined;
		const first = new Promise<void>((r) => (release = r));
		const q = new StepQueue(async (s) => {
			ran.push(s);
			if (ran.length === 1) await first;
		});
		const a = q.request('resegment');
		await Promise.resolve();
		const b = q.request('resegment');
		const c = q.request('run');
		const d = q.request('rescore');
		release();
		await Promise.all([a, b, c, d]);
		expect(ran).toEqual(['resegment', 'run']);
	});

	it('a failed change rejects its caller and does not stop the next', async () => {
		const ran: RfmStep[] = [];
		const q = new StepQueue(async (s) => {
			ran.push(s);
			if (s === 'run') throw new Error('boom');
		});
		await expect(q.request('run')).rejects.toThrow('boom');
		await q.request('resegment');
		expect(ran).toEqual(['run', 'resegment']);
	});
});
