/**
 * Draws the app's icons (public/icons/*.png) from the favicon's shapes with headless Chromium:
 * `npx tsx scripts/make-icons.ts`. The PNGs are committed; run this again only to change them.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';

const OUT = path.resolve(import.meta.dirname, '../public/icons');
// The favicon's drawing; "maskable" keeps it inside the 80 % safe zone on a full-bleed background.
const shapes = '<circle cx="11" cy="12" r="4" fill="#9fd3ff"/><circle cx="21" cy="12" r="4" fill="#ffd48a"/><rect x="6" y="19" width="20" height="6" rx="3" fill="#fff"/>';
const plain = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e79"/>${shapes}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-6 -6 44 44"><rect x="-6" y="-6" width="44" height="44" fill="#1f4e79"/>${shapes}</svg>`;
const ICONS = [
	['icon-192.png', plain, 192],
	['icon-512.png', plain, 512],
	['maskable-512.png', maskable, 512],
	['apple-touch-icon.png', maskable, 180]
] as const;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [name, svg, size] of ICONS) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
	await page.screenshot({ path: path.join(OUT, name), omitBackground: true });
}
await browser.close();
