import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { figureFileName, figureToSvg } from '../../../src/charts/figure-export.ts';

function host(options: Plot.PlotOptions): Element {
	const { document } = new JSDOM('').window;
	const div = document.createElement('div');
	div.append(Plot.plot({ ...options, document }) as unknown as Node);
	return div;
}

const DOTS = [
	{ x: 1, y: 2, s: 'Champions' },
	{ x: 2, y: 3, s: '流失客户' }
];

describe('figureToSvg', () => {
	it('stacks the title, the swatch legend (redrawn as SVG) and the chart in one SVG document', () => {
		const root = host({ width: 300, height: 200, color: { legend: true, domain: ['Champions', '流失客户'], range: ['#ff0000', '#00ff00'] }, marks: [Plot.dot(DOTS, { x: 'x', y: 'y', fill: 's' })] });
		expect(root.querySelector('[class*="-swatches"]')).not.toBeNull();
		const out = figureToSvg(root, 'F × M 散点图');
		const doc = new JSDOM(out.svg, { contentType: 'image/svg+xml' }).window.document;
		const svg = doc.documentElement;
		expect(svg.tagName).toBe('svg');
		expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(out.width).toBe(316);
		expect(Number(svg.getAttribute('height'))).toBe(out.height);
		expect(out.height).toBeGreaterThan(200 + 26 + 16);
		const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
		expect(texts).toEqual(expect.arrayContaining(['F × M 散点图', 'Champions', '流失客户']));
		expect([...doc.querySelectorAll('rect')].map((r) => r.getAttribute('fill'))).toEqual(expect.arrayContaining(['#ff0000', '#00ff00', 'white']));
		// The chart itself is inside, with its dots and its own style sheet.
		expect(doc.querySelectorAll('svg svg circle').length).toBe(2);
		expect(doc.querySelector('svg svg style')).not.toBeNull();
	});

	it('keeps a bare chart (no legend, no title) as it is', () => {
		const out = figureToSvg(host({ width: 200, height: 100, marks: [Plot.dot(DOTS, { x: 'x', y: 'y' })] }));
		expect(out.width).toBe(216);
		expect(out.height).toBe(8 + 100 + 6 + 8);
		expect(out.svg.startsWith('<?xml')).toBe(true);
	});
});

describe('figureFileName', () => {
	it.each([
		['R × F · mean monetary', 'svg', 'clientele-R_F_·_mean_monetary.svg'],
		['消费金额：每位客户', 'png', 'clientele-消费金额：每位客户.png'],
		['a/b:c*?', 'png', 'clientele-a_b_c.png'],
		['', 'svg', 'clientele-chart.svg']
	] as const)('%s → %s', (title, ext, want) => {
		expect(figureFileName(title, ext)).toBe(want);
	});
});
