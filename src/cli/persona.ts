import { ClienteleError } from '../core/errors.ts';
import { createDb } from './engine.ts';
import { toCsv } from '../core/export/csv.ts';
import { DEFAULT_BEHAVIOUR, type BehaviourColumns } from '../core/persona/defaults.ts';
import { PERSONA_COLUMNS, personaOutputRow } from '../core/persona/output.ts';
import { MIN_GROUP } from '../core/persona/rows.ts';
import { PLAN_BASES, type PlanBasis } from '../core/plan/types.ts';
import { columnsSql } from '../core/sql/catalog.ts';
import { translate } from '../i18n/translate.ts';
import { MAX_TEXT_VALUES, runPersona, type PersonaBasis } from '../run/persona.ts';
import { RAW_TABLE } from '../run/tables.ts';
import { cliDefaultAsOf } from './as-of.ts';
import { BASIS_FLAG_OPTIONS, basisCost, basisFlags, runBasis, type BasisFlags } from './basis.ts';
import { loadTransactions, numberOption } from './input.ts';
import { writeOutput } from './io.ts';
import { choice, dateOption, langOption, optionalString, parseOptions, requireOption, type Values } from './options.ts';
import { PERSONA_HELP } from './persona-help.ts';
import { loadProfilesArg, parseProfilesArg } from './profile-options.ts';
import { INPUT_HELP, parseTxInput } from './rfm-options.ts';

const CLASS_FLAGS = ['category', 'channel', 'region', 'discount'] as const;

function classColumns(v: Values): BehaviourColumns {
	return Object.fromEntries(CLASS_FLAGS.flatMap((f) => (optionalString(v, f) === undefined ? [] : [[f, optionalString(v, f)!]])));
}

/** The named columns are in the transactions' text table (the flag named when one is not). */
function checkColumns(columns: readonly string[], named: BehaviourColumns, file: string): void {
	for (const f of CLASS_FLAGS) {
		const c = named[f];
		if (c !== undefined && !columns.includes(c)) throw new ClienteleError('cli.noColumn', { column: c, option: f, file, list: columns.join(', ') });
	}
}

export async function personaCommand(argv: string[]): Promise<string | null> {
	const v = parseOptions(argv, {
		...BASIS_FLAG_OPTIONS,
		by: { type: 'string' },
		'by-column': { type: 'string' },
		category: { type: 'string' },
		channel: { type: 'string' },
		region: { type: 'string' },
		discount: { type: 'string' },
		'night-owl-orders': { type: 'string' },
		'night-owl-share': { type: 'string' },
		'as-of': { type: 'string' }
	});
	if (v.help) return PERSONA_HELP(INPUT_HELP);
	const byColumn = optionalString(v, 'by-column');
	if (v.by !== undefined && byColumn !== undefined) throw new ClienteleError('persona.bothBases');
	if (v.by === undefined && byColumn === undefined) throw new ClienteleError('persona.noBasis');
	const lang = langOption(v);
	const basis = v.by === undefined ? null : (choice(v, 'by', PLAN_BASES) as PlanBasis);
	const flags: BasisFlags | null = basis ? basisFlags(v, basis, lang) : null;
	const tx = flags?.tx ?? parseTxInput(v);
	const columns = classColumns(v);
	const profiles = parseProfilesArg(v);
	const asOfArg = dateOption(v, 'as-of');
	const n = DEFAULT_BEHAVIOUR.nightOwl;
	const settings = {
		...DEFAULT_BEHAVIOUR,
		nightOwl: { ...n, minOrders: numberOption(v, 'night-owl-orders', n.minOrders, 1, 1000), share: numberOption(v, 'night-owl-share', n.share, 0, 1) }
	};
	const input = requireOption(v, 'input');
	const db = await createDb(v);
	try {
		await loadTransactions(db, v, { ...tx.roles, cost: flags ? basisCost(flags, v) : undefined });
		const textColumns = (await db.query<{ name: string }>(columnsSql(RAW_TABLE))).rows.map((r) => r.name);
		checkColumns(textColumns, columns, input);
		const asOf = asOfArg ?? (await cliDefaultAsOf(db, input))?.asOf;
		if (!asOf) throw new ClienteleError('mapping.noUsableRows', { file: input });
		const loaded = profiles ? await loadProfilesArg(db, profiles, v) : null;
		const attributes = loaded?.attributes ?? [];
		let personaBasis: PersonaBasis;
		if (flags) personaBasis = await runBasis(db, v, flags, { asOf, profiles: profiles !== null });
		else {
			const column = byColumn!;
			if (!attributes.some((a) => a.name === column) && !textColumns.includes(column))
				throw new ClienteleError('persona.noColumn', { column, file: input, list: [...attributes.map((a) => a.name), ...textColumns].join(', ') });
			personaBasis = { basis: 'column', column };
		}
		const res = await runPersona(db, {
			asOf,
			returns: tx.returns,
			cancelledPattern: tx.cancelledPattern,
			settings,
			columns,
			text: { table: RAW_TABLE, columns: textColumns },
			basis: personaBasis,
			profiles: attributes
		});
		if (!res.times) process.stderr.write(`note: ${translate('en', 'persona.cliNoTimes')}\n`);
		for (const c of res.skipped) process.stderr.write(`note: ${translate('en', 'persona.cliSkipped', { column: c, max: MAX_TEXT_VALUES })}\n`);
		for (const g of res.groups) if (g.small) process.stderr.write(`warning: ${translate('en', 'persona.small', { group: g.id, count: g.customers, min: MIN_GROUP })}\n`);
		writeOutput(optionalString(v, 'out'), toCsv(PERSONA_COLUMNS, res.rows.map((r) => personaOutputRow(r, (id) => (personaBasis.basis === 'column' ? id : (personaBasis.names[id] ?? id)))), { bom: false }));
		return null;
	} finally {
		await db.close();
	}
}
