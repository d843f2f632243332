import { ClienteleError } from '../core/errors.ts';
import { textWidth } from './label-fit.ts';
import { INK } from './palette.ts';

/**
 * Turns a rendered Plot figure (one or more <svg>, HTML swatch legends) into one standalone SVG
 * document, and that into a PNG. Works on any DOM (the page, or JSDOM in tests) except toPng,
 * which needs a canvas.
 */

const NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

interface Block {
	height: number;
	width: number;
	node: Element;
}

const num = (v: string | null, d: number) => {
	const n = v === null ? NaN : parseFloat(v);
	return Number.isFinite(n) ? n : d;
};

/** A swatch legend (HTML) redrawn as SVG: a square and a label per swatch, wrapped to `width`. */
function swatchBlock(doc: Document, legend: Element, width: number): Block {
	const g = doc.createElementNS(NS, 'g');
	const items = [...legend.children].filter((c) => c.querySelector('svg'));
	let x = 0;
	let y = 0;
	for (const item of items) {
		const label = (item.textContent ?? '').trim();
		const fill = item.querySelector('svg rect, svg circle')?.getAttribute('fill') ?? item.querySelector('svg')?.getAttribute('fill') ?? INK.unknown;
		const w = 15 + textWidth(label, 10) + 14;
		if (x > 0 && x + w > width) {
			x = 0;
			y += 18;
		}
		const rect = doc.createElementNS(NS, 'rect');
		for (const [k, v] of Object.entries({ x: x, y: y + 2, width: 10, height: 10, fill })) rect.setAttribute(k, String(v));
		const text = doc.createElementNS(NS, 'text');
		for (const [k, v] of Object.entries({ x: x + 15, y: y + 11, 'font-size': 10, 'font-family': FONT, fill: INK.text })) text.setAttribute(k, String(v));
		text.textContent = label;
		g.append(rect, text);
		x += w;
	}
	return { node: g, width, height: items.length ? y + 22 : 0 };
}

/** The figure's top-level parts in document order: SVG charts and ramp legends as they are, swatches redrawn. */
function blocks(doc: Document, root: Element): Block[] {
	const out: Block[] = [];
	const svgs = [...root.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg') && !s.closest('[class*="-swatch"]'));
	const width = Math.max(100, ...svgs.map((s) => num(s.getAttribute('width'), 0)));
	const parts = [...root.querySelectorAll('svg, [class*="-swatches"]')].filter((el) => el.matches('[class*="-swatches"]') || svgs.includes(el as SVGSVGElement));
	for (const el of parts) {
		if (el.tagName.toLowerCase() !== 'svg') {
			out.push(swatchBlock(doc, el, width));
			continue;
		}
		const clone = el.cloneNode(true) as Element;
		const w = num(el.getAttribute('width'), width);
		const h = num(el.getAttribute('height'), 0);
		clone.setAttribute('width', String(w));
		clone.setAttribute('height', String(h));
		out.push({ node: clone, width: w, height: h });
	}
	return out;
}

/** One SVG document: white background, the title, then legends and chart(s) stacked. */
export function figureToSvg(root: Element, title = ''): { svg: string; width: number; height: number } {
	const doc = root.ownerDocument;
	const parts = blocks(doc, root);
	const pad = 8;
	const width = Math.ceil(Math.max(100, ...parts.map((b) => b.width)) + pad * 2);
	const out = doc.createElementNS(NS, 'svg');
	const bg = doc.createElementNS(NS, 'rect');
	bg.setAttribute('fill', INK.paper);
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	out.append(bg);
	let y = pad;
	if (title) {
		const t = doc.createElementNS(NS, 'text');
		for (const [k, v] of Object.entries({ x: pad, y: y + 14, 'font-size': 14, 'font-weight': 600, 'font-family': FONT, fill: INK.text })) t.setAttribute(k, String(v));
		t.textContent = title;
		out.append(t);
		y += 26;
	}
	for (const b of parts) {
		const g = doc.createElementNS(NS, 'g');
		g.setAttribute('transform', `translate(${pad},${y})`);
		g.append(b.node);
		out.append(g);
		y += b.height + 6;
	}
	const height = Math.ceil(y + pad);
	out.setAttribute('width', String(width));
	out.setAttribute('height', String(height));
	out.setAttribute('viewBox', `0 0 ${width} ${height}`);
	out.setAttribute('font-family', FONT);
	const text = new (doc.defaultView?.XMLSerializer ?? XMLSerializer)().serializeToString(out);
	return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}`, width, height };
}

/** A file name from a chart title: path and shell-unfriendly characters become "_". */
export function figureFileName(title: string, ext: 'svg' | 'png'): string {
	const base = title.trim().replace(/[\\/:*?"<>|\s×]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'chart';
	return `clientele-${base}.${ext}`;
}

/** Draws the SVG on a canvas at `scale` (2: crisp on high-density screens and in slides) → PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const img = new Image();
	img.decoding = 'async';
	const loaded = new Promise<void>((resolve, reject) => {
		img.onload = () => resolve();
		img.onerror = () => reject(new ClienteleError('plots.pngFailed', { detail: 'image' }));
	});
	img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
	await loaded;
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round(height * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new ClienteleError('plots.pngFailed', { detail: 'canvas' });
	ctx.fillStyle = INK.paper;
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.scale(scale, scale);
	ctx.drawImage(img, 0, 0, width, height);
	return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new ClienteleError('plots.pngFailed', { detail: 'toBlob' }))), 'image/png'));
}

/** Saves a blob as a file (object URL, nothing leaves the machine). */
export function downloadBlob(fileName: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
