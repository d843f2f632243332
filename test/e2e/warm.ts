import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** What a case asks of its browser context (harness.ts openPage). */
export interface PageOptions {
	lang?: string;
	width?: number;
	height?: number;
	timezoneId?: string;
	serviceWorkers?: 'allow' | 'block';
}

/** The context options Chromium fixes for a whole profile, as Playwright's newContext would set them. */
export function contextOptions(opts: PageOptions) {
	return { viewport: { width: opts.width ?? 1400, height: opts.height ?? 1000 }, acceptDownloads: true, locale: opts.lang === 'en' ? 'en-US' : 'zh-CN', timezoneId: opts.timezoneId, serviceWorkers: opts.serviceWorkers ?? 'block' } as const;
}

/** Context methods whose effect would outlive a case in a shared profile. */
const LASTING = new Set(['addInitScript', 'route', 'routeFromHAR', 'routeWebSocket', 'exposeBinding', 'exposeFunction', 'setExtraHTTPHeaders', 'setGeolocation', 'setHTTPCredentials', 'setOffline', 'addCookies', 'setStorageState']);

/**
 * Chromium with an on-disk profile per locale, time zone and service-worker switch, kept in `root`
 * (one folder per run: test/e2e/global-setup.ts), so a case opens the page as a returning visitor
 * does: the 34 MB engine from the HTTP cache and compiled from V8's wasm code cache. Nothing else
 * carries over: before each case every page of the profile is closed, and the site's storage
 * (localStorage, IndexedDB, OPFS, caches, service workers, cookies) and granted permissions are
 * cleared; sessionStorage belongs to the page. test/e2e/warm.test.ts checks both halves.
 */
export class WarmBrowsers {
	/** Profiles by context options; a profile is busy while a case holds it (until its context.close()). */
	private readonly slots = new Map<string, { context: Promise<BrowserContext>; busy: boolean }[]>();

	constructor(
		private readonly root: string,
		private readonly executablePath: string,
		private readonly args: readonly string[]
	) {}

	/**
	 * A fresh page of a warm profile at `url` with clean storage; `context.close()` closes the case's
	 * pages and frees the profile. A case opened while another is open (hostile.test.ts measures a
	 * load on a page of its own) gets a profile of its own: a live page's storage is never cleared.
	 */
	async open(url: string, opts: PageOptions, listen: (context: BrowserContext, page: Page) => () => void): Promise<{ context: BrowserContext; page: Page }> {
		const { viewport, ...fixed } = contextOptions(opts);
		const key = `${fixed.locale}-${fixed.timezoneId ?? 'host'}-${fixed.serviceWorkers}`;
		const slots = this.slots.get(key) ?? [];
		this.slots.set(key, slots);
		let slot = slots.find((s) => !s.busy);
		if (!slot) {
			const dir = path.join(this.root, `${key}-${slots.length}`.replace(/[^\w-]/g, '_'));
			slot = { context: chromium.launchPersistentContext(dir, { executablePath: this.executablePath, headless: true, args: [...this.args], viewport, ...fixed }), busy: false };
			slots.push(slot);
		}
		slot.busy = true;
		const held = slot;
		const context = await held.context;
		for (const p of context.pages()) await p.close();
		await context.clearPermissions();
		await context.clearCookies();
		const page = await context.newPage();
		// 'all' is the origin's storage partition (not the HTTP cache or the code cache).
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' });
		await cdp.detach();
		await page.setViewportSize(viewport);
		const opened: Page[] = [page];
		const onPage = (p: Page) => void opened.push(p);
		context.on('page', onPage);
		const unlisten = listen(context, page);
		const end = async () => {
			if (!held.busy) return;
			context.off('page', onPage);
			unlisten();
			for (const p of opened) await p.close().catch(() => undefined);
			held.busy = false;
		};
		// The case's own view of the profile: closing it ends the case (its pages), not the browser.
		const own = new Proxy(context, {
			get(target, key) {
				if (key === 'close') return end;
				// What would outlive the case in a shared profile: such a case needs a fresh context (launch()).
				if (typeof key === 'string' && LASTING.has(key)) throw new Error(`context.${key} on a warm profile would reach later cases: open this case on launch()'s browser`);
				const v: unknown = Reflect.get(target, key, target);
				return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
			}
		});
		return { context: own, page };
	}

	async close(): Promise<void> {
		for (const slots of this.slots.values()) for (const s of slots) await (await s.context).close();
		this.slots.clear();
	}
}
