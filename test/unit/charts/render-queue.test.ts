import { describe, expect, it } from 'vitest';
import { enqueueRender } from '../../../src/charts/render-queue.ts';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** Node has no layout: no figure counts as on screen, so the queue is first in, first out. */
describe('figure render queue', () => {
	it('runs each job in a task of its own, in order, and skips cancelled ones', async () => {
		const ran: string[] = [];
		const node = {} as Element;
		let sync = true;
		enqueueRender(node, () => ran.push(`a${sync ? ' (sync)' : ''}`), 'a');
		const cancelB = enqueueRender(node, () => ran.push('b'), 'b');
		enqueueRender(node, () => ran.push('c'), 'c');
		sync = false;
		cancelB();
		expect(ran).toEqual([]);
		for (let i = 0; i < 10 && ran.length < 2; i++) await tick();
		expect(ran).toEqual(['a', 'c']);
		const names = performance
			.getEntriesByType('measure')
			.map((m) => m.name)
			.filter((n) => n.startsWith('clientele:figure'));
		expect(names).toEqual(['clientele:figure a', 'clientele:figure c']);
	});

	it('a job that throws does not stop the ones after it', async () => {
		const ran: string[] = [];
		const node = {} as Element;
		const errors: unknown[] = [];
		const onError = (e: unknown) => errors.push(e);
		process.on('uncaughtException', onError);
		enqueueRender(node, () => {
			throw new Error('bad figure');
		});
		enqueueRender(node, () => ran.push('next'));
		for (let i = 0; i < 10 && ran.length < 1; i++) await tick();
		process.off('uncaughtException', onError);
		expect(ran).toEqual(['next']);
	});
});
