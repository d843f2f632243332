/**
 * The offline copy of the app (the service worker of src/workers/service-worker.ts): registered in
 * built sites only (the dev server has no sw.js), after the page has loaded so the first visit's
 * downloads come first. A new build is announced (`updateReady`); it takes over only when the user
 * asks (`applyUpdate`), never in the middle of an analysis.
 */
import { offlineBlock, type OfflineBlock } from '../core/offline/precache.ts';

export type OfflineStatus = 'dev' | 'blocked' | 'installing' | 'ready' | 'failed' | 'removed';

/** Chromium's install prompt (not in the DOM typings). */
interface InstallPrompt extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const HOUR = 3_600_000;

class Offline {
	/** Why this page cannot work offline (file://, plain http on a non-local host, no support), else null. */
	readonly block: OfflineBlock = offlineBlock({
		protocol: location.protocol,
		secureContext: window.isSecureContext,
		hasServiceWorker: 'serviceWorker' in navigator
	});
	status = $state<OfflineStatus>(import.meta.env.PROD ? (this.block ? 'blocked' : 'installing') : 'dev');
	/** A newer build is installed and waits for the user's reload. */
	updateReady = $state(false);
	/** The browser offers to install the app (Chromium's beforeinstallprompt). */
	canInstall = $state(false);
	readonly standalone = window.matchMedia?.('(display-mode: standalone)').matches ?? false;
	private prompt: InstallPrompt | null = null;
	private reg: ServiceWorkerRegistration | null = null;
	private reloading = false;

	start(): void {
		window.addEventListener('beforeinstallprompt', (e) => {
			e.preventDefault();
			this.prompt = e as InstallPrompt;
			this.canInstall = true;
		});
		if (this.status !== 'installing') return;
		const go = () => void this.register();
		if (document.readyState === 'complete') go();
		else window.addEventListener('load', go, { once: true });
	}

	private async register(): Promise<void> {
		const sw = navigator.serviceWorker;
		try {
			const reg = await sw.register('./sw.js', { scope: './' });
			this.reg = reg;
			const hadController = Boolean(sw.controller);
			if (reg.waiting && hadController) this.updateReady = true;
			reg.addEventListener('updatefound', () => this.watch(reg.installing));
			if (reg.installing) this.watch(reg.installing);
			sw.addEventListener('controllerchange', () => {
				// Our own reload (the user clicked it); another tab's choice is announced, not forced.
				if (this.reloading) location.reload();
				else if (hadController) this.updateReady = true;
			});
			await sw.ready;
			if (this.status === 'installing') this.status = 'ready';
			setInterval(() => void reg.update().catch(() => undefined), HOUR);
		} catch {
			this.status = 'failed';
		}
	}

	/** An installing worker: a first install makes the copy ready; a later one is an update. */
	private watch(worker: ServiceWorker | null): void {
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && navigator.serviceWorker.controller) this.updateReady = true;
			if (worker.state === 'activated' && this.status === 'installing') this.status = 'ready';
			if (worker.state === 'redundant' && this.status === 'installing') this.status = 'failed';
		});
	}

	/** The user chose to reload: the waiting build takes over, then the page reloads once. */
	applyUpdate(): void {
		const waiting = this.reg?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		this.reloading = true;
		waiting.postMessage('activate');
	}

	async install(): Promise<void> {
		if (!this.prompt) return;
		await this.prompt.prompt();
		await this.prompt.userChoice;
		this.prompt = null;
		this.canInstall = false;
	}

	/** Forget everything: the worker is unregistered (its caches are deleted by the caller). */
	async unregister(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		const regs = await navigator.serviceWorker.getRegistrations();
		await Promise.all(regs.map((r) => r.unregister()));
		this.reg = null;
		this.updateReady = false;
		if (this.status !== 'dev' && this.status !== 'blocked') this.status = 'removed';
	}
}

export const offline = new Offline();
