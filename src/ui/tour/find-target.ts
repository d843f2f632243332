/**
 * The tour's element on the page: `[data-tour="<name>"]`, once it is drawn and visible (a view draws
 * its results after its analysis has run; presenter view hides secondary controls). A promise that
 * settles when the element appears (MutationObserver, checked once per frame) or the time is up (null).
 */

/** The element of `name` if it is on the page and takes up space. */
export function visibleTarget(name: string): HTMLElement | null {
	const el = document.querySelector<HTMLElement>(`[data-tour="${CSS.escape(name)}"]`);
	if (!el || el.closest('[hidden]')) return null;
	const r = el.getBoundingClientRect();
	return r.width > 0 && r.height > 0 ? el : null;
}

export function waitForTarget(name: string, timeoutMs: number, signal: AbortSignal): Promise<HTMLElement | null> {
	return new Promise((resolve) => {
		const now = visibleTarget(name);
		if (now) return resolve(now);
		let frame = 0;
		const done = (el: HTMLElement | null) => {
			observer.disconnect();
			cancelAnimationFrame(frame);
			clearTimeout(timer);
			signal.removeEventListener('abort', onAbort);
			resolve(el);
		};
		const onAbort = () => done(null);
		const observer = new MutationObserver(() => {
			if (frame) return;
			frame = requestAnimationFrame(() => {
				frame = 0;
				const el = visibleTarget(name);
				if (el) done(el);
			});
		});
		observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'hidden', 'open', 'style'] });
		const timer = setTimeout(() => done(visibleTarget(name)), timeoutMs);
		signal.addEventListener('abort', onAbort);
	});
}
