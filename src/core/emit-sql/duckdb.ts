import type { PipelineStep } from './pipeline.ts';
import { quoteLiteral } from './pipeline.ts';

/** What the script's header says: the command, where it came from, what it reads and writes. */
export interface ScriptHeader {
	/** The command line as given (arguments after `clientele`). */
	commandLine: string;
	version: string;
	/** When the script was written (ISO, UTC). */
	written: string;
	/** Each input file and the file the script reads for it. */
	inputs: { given: string; reads: string; note?: string }[];
	/** The mapping and analysis options, as flag = value. */
	options: [string, string][];
	/** Where the script writes its CSV. */
	out: string;
}

/** A comment line: no line break inside a value can end the comment. */
export const comment = (s: string) => `-- ${s.replace(/[\r\n]+/g, ' ')}`;

export function headerComments(h: ScriptHeader, dialect: string, runHow: string): string[] {
	return [
		comment(`Clientele ${h.version}: the pipeline of \`clientele ${h.commandLine}\` as ${dialect} SQL.`),
		comment(`Written ${h.written}. ${runHow}`),
		...h.inputs.map((i) => comment(`input: ${i.given}${i.reads === i.given ? '' : ` (read as ${i.reads}${i.note ? `: ${i.note}` : ''})`}`)),
		...h.options.map(([k, v]) => comment(`  --${k} ${v}`)),
		comment(`output: ${h.out} (the same CSV the command writes: columns, order, rounding and quoting)`),
		comment('File paths are as given on the command line: run the script from the folder the command ran in.'),
		comment('Checks the command made while running (counts, problems it reports, default dates) are not repeated;'),
		comment('their decisions are in the statements below.')
	];
}

/** The DuckDB script: the steps in order, then COPY of the CLI's lines to the output file. */
export function renderDuckdb(h: ScriptHeader, steps: readonly PipelineStep[], lines: string): string {
	const out = [...headerComments(h, 'DuckDB', 'Run it with DuckDB 1.4 or later: duckdb < this-file.sql'), ''];
	steps.forEach((s, i) => out.push(comment(`step ${i + 1}: ${s.comment}`), `${s.sql};`, ''));
	out.push(
		comment(`output: one text line per row, formatted in SQL as the CLI formats its CSV (numbers in their shortest`),
		comment('form, money rounded half away from zero to 2 decimals, formula-looking text neutralised, CRLF line ends).'),
		`COPY (${lines}) TO ${quoteLiteral(h.out)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '');`,
		''
	);
	return out.join('\n');
}
