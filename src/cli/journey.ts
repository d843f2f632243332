/**
 * `clientele journey`: arguments → the journey runner (run/journey.ts: the touchpoint table, then one
 * report) → CSV. Defaults come from core/kpi/defaults.ts.
 */
import { createDb } from './engine.ts';
import { toCsv, type Cell } from '../core/export/csv.ts';
import { ClienteleError } from '../core/errors.ts';
import { DEFAULT_MIN_SCORED, DEFAULT_PAIN_LIMIT, DEFAULT_PATH_STEPS, DEFAULT_TIME_STEPS, DEFAULT_TOP_PATHS } from '../core/kpi/defaults.ts';
import { DEFAULT_CHANNELS, type TouchpointMapping } from '../core/sql/journey.ts';
import { translate } from '../i18n/translate.ts';
import { buildTouchpoints, journeyReport, type JourneyReport } from '../run/journey.ts';
import { LANG_OPTION, langHelp, langOption, optionalString, parseOptions, requireOption } from './options.ts';
import { journeyLabels } from './labels.ts';
import { writeOutput } from './io.ts';
import { openInput, round4, wholeOption } from './kpi.ts';
import { FILE_HELP, FILE_OPTIONS, inputOptions } from './input.ts';
import { columnDateFormat, DATE_OPTIONS, DATES_HELP } from './date-options.ts';

export const JOURNEY_REPORTS = {
	touchpoints: ['stage', 'touchpoint', 'events', 'customers', 'scored', 'mean_score', 'sd_score'],
	stages: ['stage', 'stage_rank', 'events', 'scored', 'mean_score', 'sd_score', 'q25', 'median', 'q75'],
	pain: ['touchpoint', 'scored', 'mean_score', 'sd_score', 'gap'],
	paths: ['rank', 'path', 'steps', 'customers', 'share'],
	links: ['step', 'source', 'target', 'customers'],
	times: ['label', 'transitions', 'mean_hours', 'median_hours', 'p75_hours', 'p90_hours'],
	funnel: ['group', 'step', 'step_name', 'customers', 'conversion', 'step_conversion', 'drop_off'],
	channels: ['channel', 'events', 'customers', 'scored', 'mean_score', 'event_share']
} as const;

export type JourneyReportName = keyof typeof JOURNEY_REPORTS;

const cols = (r: JourneyReportName) => JOURNEY_REPORTS[r].join(',');

export const JOURNEY_HELP = `clientele journey — touchpoint summaries: journey map, paths, time between steps, funnel, channels

  --input FILE        touchpoint events CSV (one row per event; .csv.gz accepted) or .xlsx/.xlsm
${FILE_HELP}
  --customer COL      customer id column
  --date COL          event date/time column (format detected)
${DATES_HELP}
  --touchpoint COL    touchpoint column (官网, App, 小程序, 门店, 客服电话, 社交媒体, 邮件 …)
  --stage COL         stage column (e.g. 接触前/接触中/接触后), optional
  --score COL         satisfaction or emotion score column, optional
  --channel COL       online/offline column, optional (else the touchpoint → channel table)
  --outcome COL       outcome column (converted, complaint …), optional
  --segment COL       segment column, optional (funnel: --by-segment)
  --report R          one of: ${Object.keys(JOURNEY_REPORTS).join(', ')} (default touchpoints)
  --path-steps K      paths/links/times: the first K touchpoints per customer (default ${DEFAULT_PATH_STEPS}; times: ${DEFAULT_TIME_STEPS})
  --top N             paths: N most common, the rest as "other" (default ${DEFAULT_TOP_PATHS}); pain: N lowest (default ${DEFAULT_PAIN_LIMIT})
  --collapse-repeats  paths/links/times: a touchpoint repeated back-to-back counts once
  --by-transition     times: per touchpoint pair instead of per step number
  --min-scored N      pain: only touchpoints with at least N scores (default ${DEFAULT_MIN_SCORED})
  --steps A,B,C       funnel: the ordered steps (touchpoint names)
  --window-days N     funnel: later steps within N days of the first (default: no limit)
  --by-segment        funnel: one funnel per --segment value
  --channel-map M     channels: override the table, e.g. "App=online,门店=offline"
${langHelp('our labels: channels online/offline/unknown, the overall group and time row all, the path other (zh: 线上/线下/未知, 全部, 其他)')}
  --out FILE          write the CSV here (default: standard output); nothing is written on error
  -h, --help          this help

Events are ordered per customer by time, then by file row. Reports and their columns:
  touchpoints  ${cols('touchpoints')} — volume and score by stage × touchpoint
  stages       ${cols('stages')} — the score curve across stages (quantiles: linear, R type 7)
  pain         ${cols('pain')} — lowest mean scores; gap = mean − overall mean
  paths        ${cols('paths')} — first K touchpoints joined by " → "; share of customers
  links        ${cols('links')} — step i → i+1 counts for a flow chart
  times        ${cols('times')} — hours between consecutive touchpoints ('all' first; median/P75/P90)
  funnel       ${cols('funnel')} — customers reaching each step in order within the window
               (the deepest step any start reaches); conversion = ÷ step 1, step_conversion = ÷ previous
  channels     ${cols('channels')} — channel from --channel when filled, else the table
               (default online: 官网, App, 小程序, 社交媒体, 邮件; offline: 门店, 客服电话; and the English
               sample's Website, Mini program, Social media, Email; Store, Service hotline), else "unknown"
An unreadable date or score stops the command with one message naming the file, row and column; rows with
an empty customer, date or touchpoint are left out with a warning on stderr. Numbers are rounded to 4 decimals.
Exit codes: 0 ok, 2 bad arguments or input.
`;

function parseChannelMap(text: string): Record<string, string> {
	const out: Record<string, string> = { ...DEFAULT_CHANNELS };
	for (const part of text.split(',')) {
		const m = /^\s*([^=]+?)\s*=\s*(online|offline)\s*$/i.exec(part);
		if (!m) throw new ClienteleError('journey.badChannelMap', { value: text });
		out[m[1]!] = m[2]!.toLowerCase();
	}
	return out;
}

type Values = Record<string, string | boolean | undefined>;

function positiveNumber(v: Values, name: string): number | undefined {
	const x = optionalString(v, name);
	if (x === undefined) return undefined;
	const n = Number(x);
	if (!/^\d+(\.\d+)?$/.test(x.trim()) || !(n > 0)) throw new ClienteleError('journey.badNumber', { option: name, value: x });
	return n;
}

/** The options of one report, checked (defaults from core/kpi/defaults.ts). */
export function reportOptions(report: JourneyReportName, v: Values, segment?: string): JourneyReport {
	const collapseRepeats = v['collapse-repeats'] === true;
	switch (report) {
		case 'touchpoints':
		case 'stages':
			return { report };
		case 'pain':
			return { report, minScored: wholeOption(v, 'min-scored', DEFAULT_MIN_SCORED, 1), limit: wholeOption(v, 'top', DEFAULT_PAIN_LIMIT, 1) };
		case 'paths':
			return { report, steps: wholeOption(v, 'path-steps', DEFAULT_PATH_STEPS, 1), top: wholeOption(v, 'top', DEFAULT_TOP_PATHS, 1), collapseRepeats };
		case 'links':
			return { report, steps: wholeOption(v, 'path-steps', DEFAULT_PATH_STEPS, 2), collapseRepeats };
		case 'times':
			return { report, maxSteps: wholeOption(v, 'path-steps', DEFAULT_TIME_STEPS, 2), collapseRepeats, by: v['by-transition'] === true ? 'transition' : 'step' };
		case 'funnel': {
			const steps = (optionalString(v, 'steps') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
			if (steps.length === 0) throw new ClienteleError('journey.noSteps');
			const windowDays = positiveNumber(v, 'window-days');
			if (v['by-segment'] === true && !segment) throw new ClienteleError('cli.missingOption', { option: 'segment' });
			return { report, steps, windowDays, by: v['by-segment'] === true ? { column: 'segment' } : undefined };
		}
		case 'channels': {
			const map = optionalString(v, 'channel-map');
			return { report, channels: map ? parseChannelMap(map) : DEFAULT_CHANNELS };
		}
	}
}

export async function journeyCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		input: { type: 'string' },
		...FILE_OPTIONS,
		...DATE_OPTIONS,
		customer: { type: 'string' },
		date: { type: 'string' },
		touchpoint: { type: 'string' },
		stage: { type: 'string' },
		score: { type: 'string' },
		channel: { type: 'string' },
		outcome: { type: 'string' },
		segment: { type: 'string' },
		report: { type: 'string' },
		'path-steps': { type: 'string' },
		top: { type: 'string' },
		'collapse-repeats': { type: 'boolean' },
		'by-transition': { type: 'boolean' },
		'min-scored': { type: 'string' },
		steps: { type: 'string' },
		'window-days': { type: 'string' },
		'by-segment': { type: 'boolean' },
		'channel-map': { type: 'string' },
		out: { type: 'string' },
		...LANG_OPTION
	});
	if (v.help) return JOURNEY_HELP;
	const input = requireOption(v, 'input');
	const lang = langOption(v);
	const cols = {
		customer: requireOption(v, 'customer'),
		date: requireOption(v, 'date'),
		touchpoint: requireOption(v, 'touchpoint'),
		stage: optionalString(v, 'stage'),
		score: optionalString(v, 'score'),
		channel: optionalString(v, 'channel'),
		outcome: optionalString(v, 'outcome'),
		segment: optionalString(v, 'segment')
	};
	const reportName = optionalString(v, 'report') ?? 'touchpoints';
	if (!(reportName in JOURNEY_REPORTS))
		throw new ClienteleError('cli.badChoice', { option: 'report', value: reportName, list: Object.keys(JOURNEY_REPORTS).join(', ') });
	const report = reportName as JourneyReportName;
	const spec = reportOptions(report, v, cols.segment);
	const db = await createDb(v);
	try {
		const file = await openInput(db, input, cols, inputOptions(v));
		const col = (name: string | undefined) => file.sniff.columns.find((c) => c.name === name);
		const dateFormat = columnDateFormat(col(cols.date), v);
		if (!dateFormat) throw new ClienteleError('kpi.notDateColumn', { file: input, column: cols.date });
		const mapping: TouchpointMapping = { ...cols, dateFormat, scoreFormat: col(cols.score)?.number?.format };
		const loaded = await buildTouchpoints(db, { file: input, mapping });
		for (const w of loaded.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
		const rows = (await journeyReport(db, spec)).map((r) => {
			const out: Record<string, Cell> = {};
			for (const [k, x] of Object.entries(r)) out[k] = typeof x === 'number' && !Number.isInteger(x) ? round4(x) : x;
			return out;
		});
		writeOutput(optionalString(v, 'out'), toCsv(JOURNEY_REPORTS[report], journeyLabels(rows, spec, lang), { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}
