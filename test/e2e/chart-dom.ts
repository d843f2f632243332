import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Reading an Observable Plot figure back from the DOM, so that a test can compare what is drawn
 * with what it expects. Marks are `g[aria-label="<mark>"] <element>` (bar → rect, cell → rect,
 * dot → circle, line → path, text → text); axes are `g[aria-label="<x|y|fx|fy>-axis tick label"]`.
 * Positions are in the figure's SVG user units (as Plot wrote them), whatever the page's scaling.
 */

/** One drawn element: its text, its <title>, its box and, for a path, the points of its `d`. */
export interface Mark {
	text: string;
	title: string;
	x: number;
	y: number;
	top: number;
	bottom: number;
	left: number;
	right: number;
	points: [number, number][];
}

/** An axis tick: its label and its position along the axis (x for x/fx, y for y/fy). */
export interface Tick {
	label: string;
	at: number;
}

export interface Drawn {
	marks: Mark[];
	ticks: Record<'x' | 'y' | 'fx' | 'fy', Tick[]>;
}

/** The marks matched by `selector` inside the figure `testid`, and its axes. */
export async function drawn(page: Page, testid: string, selector: string): Promise<Drawn> {
	return page.evaluate(
		([testid, selector]) => {
			const root = document.querySelector(`[data-testid="${testid}"]`);
			if (!root) return { marks: [], ticks: { x: [], y: [], fx: [], fy: [] } };
			// Positions in the user units of the figure's outermost <svg> (what Plot's own attributes
			// say), whatever the page's scaling of the figure.
			const toRoot = (el: SVGGraphicsElement) => {
				let svg = el.ownerSVGElement!;
				while (svg.ownerSVGElement) svg = svg.ownerSVGElement;
				return svg.getScreenCTM()!.inverse().multiply(el.getScreenCTM()!);
			};
			const centre = (el: Element) => {
				const g = el as SVGGraphicsElement;
				const b = g.getBBox();
				const m = toRoot(g);
				const corners = [new DOMPoint(b.x, b.y), new DOMPoint(b.x + b.width, b.y + b.height)].map((p) => p.matrixTransform(m));
				const [left, right] = [Math.min(corners[0]!.x, corners[1]!.x), Math.max(corners[0]!.x, corners[1]!.x)];
				const [top, bottom] = [Math.min(corners[0]!.y, corners[1]!.y), Math.max(corners[0]!.y, corners[1]!.y)];
				return { x: (left + right) / 2, y: (top + bottom) / 2, top, bottom, left, right };
			};
			const points = (el: Element): [number, number][] => {
				if (!(el instanceof SVGPathElement)) return [];
				const m = toRoot(el);
				// Plot's lines and areas are absolute M/L commands.
				return [...(el.getAttribute('d') ?? '').matchAll(/[ML]\s*(-?[\d.e+-]+)[ ,](-?[\d.e+-]+)/g)].map(([, a, b]) => {
					const p = new DOMPoint(Number(a), Number(b)).matrixTransform(m);
					return [p.x, p.y] as [number, number];
				});
			};
			const marks = [...root.querySelectorAll(selector)].map((el) => ({
				text: el.textContent?.trim() ?? '',
				title: el.querySelector('title')?.textContent ?? '',
				...centre(el),
				points: points(el)
			}));
			const axis = (name: string) => {
				const labels = [...root.querySelectorAll(`g[aria-label="${name}-axis tick label"] text`)];
				// Tick marks sit exactly on the position; labels are offset by their font metrics.
				const tickMarks = [...root.querySelectorAll(`g[aria-label="${name}-axis tick"] path`)];
				const along = name.endsWith('x') ? 'x' : 'y';
				return labels.map((el, i) => ({ label: el.textContent?.trim() ?? '', at: centre(tickMarks.length === labels.length ? tickMarks[i]! : el)[along] }));
			};
			return { marks, ticks: { x: axis('x'), y: axis('y'), fx: axis('fx'), fy: axis('fy') } };
		},
		[testid, selector] as const
	);
}

/** Waits until the figure draws exactly `count` marks matching `selector` (a redraw may be pending), then reads it. */
export async function drawnCount(page: Page, testid: string, selector: string, count: number): Promise<Drawn> {
	await expect.poll(async () => (await drawn(page, testid, selector)).marks.length, { timeout: 60_000 }).toBe(count);
	return drawn(page, testid, selector);
}

/** A number as Plot or the page prints it: "1,234", "−5", "34.7%", "+25.4". */
export function num(text: string): number {
	return Number(text.replace(/[−–]/g, '-').replace(/[,%+\s]/g, ''));
}

/** The label of the tick nearest to a position. */
export function nearest(ticks: readonly Tick[], at: number): string {
	let best = ticks[0]!;
	for (const t of ticks) if (Math.abs(t.at - at) < Math.abs(best.at - at)) best = t;
	return best.label;
}

/** A linear axis as a function from pixels to values, fixed by its first and last numeric ticks. */
export function scale(ticks: readonly Tick[]): (px: number) => number {
	const numeric = ticks.filter((t) => Number.isFinite(num(t.label)) && t.label !== '');
	const a = numeric[0]!;
	const b = numeric[numeric.length - 1]!;
	return (px) => num(a.label) + ((px - a.at) * (num(b.label) - num(a.label))) / (b.at - a.at);
}

/** Numeric text marks of a grid (heatmap) keyed "<y tick>|<x tick>" by the nearest ticks. */
export function grid(d: Drawn): Record<string, number> {
	return Object.fromEntries(d.marks.map((m) => [`${nearest(d.ticks.y, m.y)}|${nearest(d.ticks.x, m.x)}`, num(m.text)]));
}

/** The text of each cell of a table's body rows. */
export function tableCells(page: Page, testid: string): Promise<string[][]> {
	return page.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim() ?? '')));
}
