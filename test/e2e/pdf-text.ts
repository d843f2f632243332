/**
 * A PDF's pages and text, for the report's e2e test (no PDF library in the project). Chromium (Skia)
 * writes fonts as Type0 / Identity-H with a ToUnicode map and compresses streams with Flate: this
 * inflates the streams, reads each font's ToUnicode map and turns the page's text-showing operators
 * (Tj / TJ with hex glyph strings, font chosen by Tf) back into text. Enough for Skia's output; not a
 * general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
	dict: string;
	stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
	const text = pdf.toString('latin1');
	const out = new Map<number, PdfObject>();
	const re = /(\d+) 0 obj\b/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		const start = m.index + m[0].length;
		const end = text.indexOf('endobj', start);
		const body = text.slice(start, end);
		const s = body.search(/stream\r?\n/);
		if (s < 0) {
			out.set(Number(m[1]), { dict: body, stream: null });
			continue;
		}
		const dict = body.slice(0, s);
		const dataStart = start + s + (body[s + 6] === '\r' ? 8 : 7);
		const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? -1);
		const raw = length >= 0 ? pdf.subarray(dataStart, dataStart + length) : pdf.subarray(dataStart, text.indexOf('endstream', dataStart));
		out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
		re.lastIndex = end;
	}
	return out;
}

/** A ToUnicode CMap: code (hex, upper case) → text (bfchar and bfrange entries); `width`: hex digits per code. */
interface CMap {
	width: number;
	map: Map<string, string>;
}

function toUnicode(cmap: string): CMap {
	const map = new Map<string, string>();
	const width = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap)?.[1]?.length ?? 4;
	const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
	for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
		for (const [, g, u] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(g!.toUpperCase(), utf16(u!));
	for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
		for (const [, a, b, u] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
			const first = parseInt(a!, 16);
			const base = parseInt(u!, 16);
			for (let g = first; g <= parseInt(b!, 16); g++) map.set(g.toString(16).toUpperCase().padStart(a!.length, '0'), String.fromCharCode(base + g - first));
		}
	return { width, map };
}

/** A literal string's bytes as hex ((…) with PDF escapes). */
function literalHex(s: string): string {
	const ESC: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
	const bytes: number[] = [];
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (c !== '\\') {
			bytes.push(c.charCodeAt(0));
			continue;
		}
		const n = s[++i]!;
		const oct = /^[0-7]{1,3}/.exec(s.slice(i))?.[0];
		if (oct) {
			bytes.push(parseInt(oct, 8) & 255);
			i += oct.length - 1;
		} else bytes.push(ESC[n] ?? n.charCodeAt(0));
	}
	return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The text of each page, in page order (glyphs in the order drawn; runs separated by a space). */
export function pdfPages(pdf: Buffer): string[] {
	const objs = objects(pdf);
	const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? NaN);
	const cmaps = new Map<number, CMap>();
	for (const [n, o] of objs) {
		const tu = ref(o.dict, 'ToUnicode');
		const cmap = objs.get(tu)?.stream;
		if (cmap) cmaps.set(n, toUnicode(cmap.toString('latin1')));
	}
	// Pages in the order of the page tree's Kids.
	const tree = [...objs.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
	const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]));
	return kids.map((n) => {
		const page = objs.get(n)!.dict;
		const resources = /\/Resources (\d+) 0 R/.test(page) ? objs.get(ref(page, 'Resources'))!.dict : page;
		const fontDict = /\/Font (\d+) 0 R/.test(resources) ? objs.get(ref(resources, 'Font'))!.dict : (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '');
		const fonts = new Map([...fontDict.matchAll(/\/(\S+?) (\d+) 0 R/g)].map((f) => [f[1]!, Number(f[2])]));
		const contents = /\/Contents \[([^\]]*)\]/.exec(page)?.[1] ?? /\/Contents (\d+ 0 R)/.exec(page)?.[1] ?? '';
		const streams = [...contents.matchAll(/(\d+) 0 R/g)].map((c) => objs.get(Number(c[1]))?.stream?.toString('latin1') ?? '');
		let cmap: CMap = { width: 4, map: new Map() };
		const parts: string[] = [];
		const STRING = /<([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\)/g;
		for (const s of streams)
			for (const t of s.matchAll(/\/(\S+) [\d.]+ Tf|\[((?:<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ|(<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)) {
				if (t[1] !== undefined) {
					cmap = cmaps.get(fonts.get(t[1]) ?? -1) ?? { width: 4, map: new Map() };
					continue;
				}
				const hex = [...(t[2] ?? t[3]!).matchAll(STRING)].map((h) => (h[1] !== undefined ? h[1] : literalHex(h[2]!))).join('');
				const codes = hex.toUpperCase().match(new RegExp(`.{${cmap.width}}`, 'g')) ?? [];
				parts.push(codes.map((g) => cmap.map.get(g) ?? '').join(''));
			}
		return parts.join(' ');
	});
}
