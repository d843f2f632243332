import type { ClienteleError } from '../../core/errors.ts';
import type { KeyTail, MessageKey, Translate } from '../../i18n/translate.ts';

/**
 * The core's rule-set and cut-point errors carry an English `detail` (the CLI prints it as is).
 * For the page we recognise each known detail and give it as an i18n key + params, so the
 * message reads in the UI language; unknown details pass through unchanged.
 */
export interface LocalDetail {
	key: MessageKey;
	params: Record<string, string>;
}

const PATTERNS: readonly [RegExp, KeyTail<'rfmUi.detail.'>, readonly string[]][] = [
	[/^must be a non-empty text$/, 'nonEmpty', []],
	[/^must be \[lowest, highest\]/, 'range', []],
	[/^must be a whole score from 1 to (\d+), got (.*)$/, 'score', ['max', 'value']],
	[/^lowest (\S+) is above highest (\S+)$/, 'loHi', ['lo', 'hi']],
	[/^must be a list of rule ids$/, 'idList', []],
	[/^no rule has the id (.*)$/, 'noId', ['id']],
	[/^must be an object with "id" and "rules"$/, 'top', []],
	[/^unknown field; allowed: (.*)$/, 'unknown', ['list']],
	[/^must be a list of rules$/, 'rules', []],
	[/^must hold at least one rule$/, 'oneRule', []],
	[/^must be an object with id, r, f and m$/, 'ruleObj', []],
	[/^"(.*)" is reserved/, 'reserved', ['id']],
	[/^duplicate id (.*)$/, 'dup', ['id']],
	[/^must be true or false$/, 'bool', []],
	[/^must be a whole number from 2 to (\d+)$/, 'levels', ['max']],
	[/^score (\d+) is above levels = (\d+)$/, 'aboveLevels', ['score', 'levels']],
	[/^at most (\d+) cut points$/, 'maxCuts', ['max']],
	[/^(.*) is not a number$/, 'notNumber', ['value']],
	[/^(.*) does not come after (.*); list them in increasing order$/, 'order', ['value', 'prev']],
	[/^no cut points given$/, 'noCuts', []]
];

export function localDetail(detail: string, field?: string): LocalDetail | null {
	if (field === '(JSON)') return { key: 'rfmUi.detail.json', params: { detail } };
	for (const [re, name, names] of PATTERNS) {
		const m = re.exec(detail);
		if (m)
			return {
				key: `rfmUi.detail.${name}`,
				params: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? '']))
			};
	}
	return null;
}

/** The message of an error in the UI language, with known details and field names localised. */
export function errorMessage(e: ClienteleError, t: Translate): string {
	const p = { ...e.params };
	if (typeof p.detail === 'string') {
		const d = localDetail(p.detail, typeof p.field === 'string' ? p.field : undefined);
		if (d) p.detail = t(d.key, d.params);
	}
	if (p.field === '(top level)') p.field = t('rfmUi.field.top');
	if (p.field === '(JSON)') p.field = 'JSON';
	return t(e.code, p);
}
