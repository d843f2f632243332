/** `clientele forecast --events`: the touchpoint file read as `journey` reads it (the touchpoint table). */
import type { DbClient } from '../db/client.ts';
import { ClienteleError } from '../core/errors.ts';
import type { TouchpointMapping } from '../core/sql/journey.ts';
import { translate } from '../i18n/translate.ts';
import { buildTouchpoints } from '../run/journey.ts';
import { columnDateFormat } from './date-options.ts';
import { inputOptions } from './input.ts';
import { openInput } from './input.ts';
import { optionalString, requireOption, type Values } from './options.ts';

/** Loads the events; returns the input file's name. */
export async function loadEvents(db: DbClient, v: Values): Promise<string> {
	const inputs = v.input;
	const input = Array.isArray(inputs) ? (inputs[0] ?? requireOption(v, 'input')) : requireOption(v, 'input');
	const cols = { customer: requireOption(v, 'customer'), date: requireOption(v, 'date'), touchpoint: requireOption(v, 'touchpoint'), by: optionalString(v, 'by') };
	const file = await openInput(db, input, cols, inputOptions(v));
	const dateFormat = columnDateFormat(file.sniff.columns.find((c) => c.name === cols.date), v);
	if (!dateFormat) throw new ClienteleError('kpi.notDateColumn', { file: input, column: cols.date });
	const mapping: TouchpointMapping = { customer: cols.customer, date: cols.date, touchpoint: cols.touchpoint, dateFormat };
	const loaded = await buildTouchpoints(db, { file: input, mapping });
	for (const w of loaded.warnings) process.stderr.write(`warning: ${translate('en', w.code, w.params)}\n`);
	return input;
}
