import type { Page } from 'playwright-core';

/** Something that reaches past the window's right edge without a scrolling box around it. */
export interface Overflow {
	view: string;
	width: number;
	what: string;
	right: number;
}

/** Scrolls through the page so the render queue draws every figure, then back to the top. */
export async function settle(page: Page): Promise<void> {
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += 600) {
			window.scrollTo(0, y);
			await new Promise((r) => setTimeout(r, 60));
		}
		window.scrollTo(0, 0);
	});
	await page.waitForTimeout(400);
}

/**
 * The outermost elements whose right edge passes the window's (a page that scrolls sideways),
 * leaving out those inside a box that scrolls or clips horizontally (a grid, a wide table's wrapper).
 */
export async function overflowReport(page: Page, view: string, width: number): Promise<Overflow[]> {
	// tsx (esbuild's keepNames) wraps the inner functions below in __name(); the page needs it too.
	await page.evaluate('globalThis.__name ??= (f) => f');
	const hits = await page.evaluate(() => {
		const W = document.documentElement.clientWidth;
		const out: { what: string; right: number }[] = [];
		const clipped = (el: Element): boolean => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
			}
			return false;
		};
		const walk = (el: Element): void => {
			const r = el.getBoundingClientRect();
			const s = getComputedStyle(el);
			if (r.width > 0 && r.right > W + 1 && s.visibility !== 'hidden' && s.position !== 'fixed' && !clipped(el)) {
				const id = el.getAttribute('data-testid');
				const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
				out.push({ what: `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls} “${(el.textContent ?? '').trim().slice(0, 40)}”`, right: Math.round(r.right) });
				return;
			}
			for (const c of el.children) walk(c);
		};
		walk(document.body);
		return { hits: out, scroll: document.documentElement.scrollWidth - W };
	});
	const found = hits.hits.map((h) => ({ view, width, ...h }));
	if (hits.scroll > 0 && found.length === 0) found.push({ view, width, what: 'the page scrolls sideways', right: width + hits.scroll });
	return found;
}
