/**
 * Peak memory of the browser: every 200 ms, the sum of VmRSS (and of Pss, which counts shared pages
 * once) over the Chromium processes descending from this Node process (/proc on Linux).
 * RSS sums over-count pages shared between Chromium's processes; Pss is the fairer total.
 */
import fs from 'node:fs';

function children(): Map<number, number[]> {
	const kids = new Map<number, number[]>();
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const list = kids.get(ppid) ?? [];
			list.push(Number(d));
			kids.set(ppid, list);
		} catch {
			/* gone */
		}
	}
	return kids;
}

function chromiumDescendants(root: number): number[] {
	const kids = children();
	const out: number[] = [];
	const stack = [...(kids.get(root) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		stack.push(...(kids.get(pid) ?? []));
		try {
			if (/chrom/i.test(fs.readlinkSync(`/proc/${pid}/exe`))) out.push(pid);
		} catch {
			/* gone or not ours */
		}
	}
	return out;
}

function kb(text: string, key: string): number {
	const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
	return m ? Number(m[1]) : 0;
}

export interface MemSample {
	rssMb: number;
	pssMb: number;
	processes: number;
}

export function sampleChromium(root = process.pid): MemSample {
	let rss = 0;
	let pss = 0;
	const pids = chromiumDescendants(root);
	for (const pid of pids) {
		try {
			rss += kb(fs.readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
			pss += kb(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
		} catch {
			/* exited between the listing and the read */
		}
	}
	return { rssMb: rss / 1024, pssMb: pss / 1024, processes: pids.length };
}

/** Samples until stop(); returns the peaks. */
export function startRssSampler(everyMs = 200): {
	stop: () => { peakRssMb: number; peakPssMb: number; maxProcesses: number };
} {
	let peakRss = 0;
	let peakPss = 0;
	let maxProc = 0;
	const tick = () => {
		const s = sampleChromium();
		peakRss = Math.max(peakRss, s.rssMb);
		peakPss = Math.max(peakPss, s.pssMb);
		maxProc = Math.max(maxProc, s.processes);
	};
	tick();
	const timer = setInterval(tick, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			tick();
			return { peakRssMb: peakRss, peakPssMb: peakPss, maxProcesses: maxProc };
		}
	};
}
