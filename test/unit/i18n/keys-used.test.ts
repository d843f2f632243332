/**
 * Every message key the code uses is in both catalogues, and every catalogue key is used.
 *
 * The compiler already refuses a `t()` / `translate()` key that is not a MessageKey; this test
 * also covers what it cannot see: a key-shaped string anywhere in src (a typed map, a `key:` field,
 * an error code), keys built from template literals (`plots.${key}.title` uses every key it can
 * match), and keys that nothing uses at all. Sources are read with the TypeScript and Svelte
 * parsers, so comments and markup text never count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/core/errors.ts';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';


const SRC = path.resolve(import.meta.dirname, '../../../src');
/** The catalogues themselves (their keys are the definitions, not uses). */
const CATALOGUE = /^i18n\/(en\.ts|zh-CN\.ts|parts\/)/;
/** Where the error codes are declared: a code must also be used somewhere else. */
const ERROR_LIST = 'core/errors.ts';

const KEYS = Object.keys(en);
const NAMESPACES = new Set(KEYS.map((k) => k.split('.')[0]!));
/** 'ns.rest' where ns is the first segment of some catalogue key. */
const keyShaped = (s: string) =>
	/^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(s) && NAMESPACES.has(s.split('.')[0]!);

interface Found {
	/** String literals (and templates without placeholders). */
	literals: string[];
	/** Templates with placeholders: the static parts, in order. */
	templates: string[][];
}

function walkTs(text: string, file: string, out: Found): void {
	const visit = (n: ts.Node): void => {
		if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.literals.push(n.text);
		else if (ts.isTemplateExpression(n))
			out.templates.push([n.head.text, ...n.templateSpans.map((s) => s.literal.text)]);
		ts.forEachChild(n, visit);
	};
	visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
}

/** Svelte's AST (script and markup expressions are ESTree): every Literal and TemplateLiteral. */
function walkSvelte(node: unknown, out: Found): void {
	if (Array.isArray(node)) {
		for (const x of node) walkSvelte(x, out);
		return;
	}
	if (node === null || typeof node !== 'object') return;
	const n = node as { type?: string; value?: unknown; quasis?: { value: { cooked: string } }[] };
	if (n.type === 'Literal' && typeof n.value === 'string') out.literals.push(n.value);
	if (n.type === 'TemplateLiteral' && n.quasis) {
		const parts = n.quasis.map((q) => q.value.cooked);
		if (parts.length === 1) out.literals.push(parts[0]!);
		else out.templates.push(parts);
	}
	for (const [k, v] of Object.entries(node)) if (k !== 'parent' && k !== 'loc') walkSvelte(v, out);
}

function scan(file: string): Found {
	const out: Found = { literals: [], templates: [] };
	const text = fs.readFileSync(file, 'utf8');
	if (file.endsWith('.svelte')) walkSvelte(parse(text, { modern: true }), out);
	else walkTs(text, file, out);
	return out;
}

const files = (fs.readdirSync(SRC, { recursive: true }) as string[])
	.map((f) => f.split(path.sep).join('/'))
	.filter((f) => /\.(ts|svelte)$/.test(f) && !CATALOGUE.test(f))
	.sort();
const found = new Map(files.map((f) => [f, scan(path.join(SRC, f))]));

/** A template whose static start names a namespace: the keys it can build. */
function templatePattern(parts: string[]): RegExp | null {
	if (!/^[A-Za-z][\w-]*\./.test(parts[0]!) || !NAMESPACES.has(parts[0]!.split('.')[0]!)) return null;
	const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`^${parts.map(esc).join('[\\w.-]+')}$`);
}

/** Uses in the given files: literal keys and template patterns, each with where it is. */
function uses(only: (file: string) => boolean) {
	const literals = new Map<string, string>();
	const patterns: { file: string; text: string; re: RegExp }[] = [];
	for (const [file, f] of found) {
		if (!only(file)) continue;
		for (const s of f.literals) if (keyShaped(s) && !literals.has(s)) literals.set(s, file);
		for (const parts of f.templates) {
			const re = templatePattern(parts);
			if (re) patterns.push({ file, text: parts.join('${…}'), re });
		}
	}
	return { literals, patterns };
}

const all = uses(() => true);
const outsideErrorList = uses((f) => f !== ERROR_LIST);
const usedKeys = new Set(
	KEYS.filter(
		(k) => outsideErrorList.literals.has(k) || outsideErrorList.patterns.some((p) => p.re.test(k))
	)
);

describe('message keys in the code', () => {
	it('scans the sources (the parsers found keys and templates)', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(all.literals.has('app.title')).toBe(true);
		expect(all.patterns.some((p) => p.text === 'plots.${…}.title')).toBe(true);
	});

	it.each([
		['en', en],
		['zh-CN', zhCN]
	] as const)('every key-shaped string in src is in the %s catalogue', (_lang, cat) => {
		const missing = [...all.literals]
			.filter(([k]) => !Object.hasOwn(cat, k))
			.map(([k, file]) => `${file}: ${k}`);
		expect(missing).toEqual([]);
	});

	it('every template that builds keys can build at least one', () => {
		const dead = all.patterns.filter((p) => !KEYS.some((k) => p.re.test(k))).map((p) => `${p.file}: ${p.text}`);
		expect(dead).toEqual([]);
	});

	it('every catalogue key is used in src (a literal, or a template that builds it)', () => {
		expect(KEYS.filter((k) => !usedKeys.has(k))).toEqual([]);
	});

	it('every error code is thrown or checked somewhere besides its declaration', () => {
		expect(ERROR_CODES.filter((c) => !usedKeys.has(c))).toEqual([]);
	});
});

describe('the scan itself', () => {
	it.each([
		['a literal', "t('app.title')", ['app.title'], []],
		['a template', 't(`plots.${key}.title`)', [], ['plots.${…}.title']],
		['no comment counts', "// t('app.tagline')\n/* 'app.language' */", [], []]
	])('%s', (_name, code, literals, templates) => {
		const out: Found = { literals: [], templates: [] };
		walkTs(code, 'x.ts', out);
		expect(out.literals).toEqual(literals);
		expect(out.templates.map((t) => t.join('${…}'))).toEqual(templates);
	});

	it('reads Svelte markup and script', () => {
		const out: Found = { literals: [], templates: [] };
		walkSvelte(
			parse('<script lang="ts">const k: string = "nav.rfm";</script><!-- \'nav.abc\' --><p>{t(`abc.class.${c}`)}</p>', { modern: true }),
			out
		);
		expect(out.literals).toContain('nav.rfm');
		expect(out.literals).not.toContain('nav.abc');
		expect(out.templates.map((t) => t.join('${…}'))).toEqual(['abc.class.${…}']);
	});
});
