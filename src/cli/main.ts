import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABC_HELP, abcCommand } from './abc.ts';
import { ClienteleError } from '../core/errors.ts';
import { toUserError } from '../core/user-error.ts';
import { translate } from '../i18n/translate.ts';
import { RFM_HELP, rfmCommand } from './rfm.ts';
import { KPI_HELP, kpiCommand } from './kpi.ts';
import { JOURNEY_HELP, journeyCommand } from './journey.ts';
import { MIGRATE_HELP, migrateCommand } from './migrate.ts';
import { CLV_HELP, clvCommand } from './clv.ts';
import { VALUE_MATRIX_HELP, valueMatrixCommand } from './value-matrix.ts';
import { planCommand } from './plan.ts';
import { PLAN_HELP } from './plan-help.ts';
import { INPUT_HELP } from './rfm-options.ts';
import { LIFECYCLE_HELP, lifecycleCommand } from './lifecycle.ts';
import { GRADE_HELP, gradeCommand } from './grade.ts';
import { EVALUATE_HELP, evaluateCommand } from './evaluate.ts';
import { personaCommand } from './persona.ts';
import { PERSONA_HELP } from './persona-help.ts';
import { FORECAST_HELP, forecastCommand } from './forecast.ts';
import { emitRequest, runEmitting } from './emit-sql.ts';
import { ENGINE_HELP } from './engine.ts';

type Command = { run: (argv: string[]) => Promise<string | null>; help: string };

/** Commands by name. Each returns help text to print, or null when it wrote its output. */
export const COMMANDS: Record<string, Command> = {
	rfm: { run: rfmCommand, help: RFM_HELP },
	migrate: { run: migrateCommand, help: MIGRATE_HELP },
	abc: { run: abcCommand, help: ABC_HELP },
	clv: { run: clvCommand, help: CLV_HELP },
	'value-matrix': { run: valueMatrixCommand, help: VALUE_MATRIX_HELP },
	kpi: { run: kpiCommand, help: KPI_HELP },
	journey: { run: journeyCommand, help: JOURNEY_HELP },
	plan: { run: planCommand, help: PLAN_HELP(INPUT_HELP) },
	lifecycle: { run: lifecycleCommand, help: LIFECYCLE_HELP },
	grade: { run: gradeCommand, help: GRADE_HELP },
	evaluate: { run: evaluateCommand, help: EVALUATE_HELP },
	persona: { run: personaCommand, help: PERSONA_HELP(INPUT_HELP) },
	forecast: { run: forecastCommand, help: FORECAST_HELP }
};

const HELP = `clientele — customer analysis from the command line (same engine as the web app)

usage: npm run --silent cli -- <command> [options]

commands:
${Object.keys(COMMANDS).map((c) => `  ${c}`).join('\n')}

Run a command with --help for its options.
Every command takes --project FILE (a .clientele project saved by the page): its settings, as flags;
flags given explicitly win.
Every command takes --engine wasm|native (default wasm) and --threads N (native only): see
"Native engine" in the README.
rfm, migrate, abc, kpi retention, lifecycle and grade take --emit-sql duckdb|spark: the pipeline as one
SQL script on standard output instead of the CSV (--out names the file the script writes;
--emit-sql-data FILE writes the UTF-8 copy of a GBK, UTF-16 or Excel input the script reads).
`;

/** The --input of a command line ('' without one), for messages about a failure while reading it. */
function inputOf(argv: string[]): string {
	const i = argv.indexOf('--input');
	return (i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--input='))?.slice(8)) ?? '';
}

/** Translates errors into one English line on stderr; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	const [cmd, ...rest] = argv;
	if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
		process.stdout.write(HELP);
		return cmd ? 0 : 2;
	}
	const command = COMMANDS[cmd];
	try {
		if (!command) throw new ClienteleError('cli.unknownCommand', { value: cmd, list: Object.keys(COMMANDS).join(', ') });
		const emit = emitRequest(rest);
		const help = emit ? await runEmitting(cmd, emit, command.run) : await command.run(rest);
		if (help) process.stdout.write(help + ENGINE_HELP);
		return 0;
	} catch (e) {
		// Every message comes from the English catalogue (the page's); an engine's own wording never
		// reaches the user (core/user-error.ts).
		const err = toUserError(e, inputOf(rest));
		const msg = translate('en', err.code, err.params);
		process.stderr.write(`clientele ${cmd}: ${msg}\n`);
		return 2;
	}
}

// Run when started as a program; imported (the hostile-corpus test calls main in-process), do nothing.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
	process.exitCode = await main(process.argv.slice(2));
