/**
 * Typed, actionable errors. `code` is a message key of src/i18n (core does not import i18n: the
 * codes are listed here, and test/unit/i18n proves each has a message in both languages); `params`
 * fill its placeholders. Where the problem is known, `file`, `row` (1-based, counting data rows)
 * and `column` say where.
 */
export const ERROR_CODES = [
	// opening a file
	'import.empty',
	'import.noRows',
	'import.readFailed',
	'import.engineFailed',
	'import.cancelled',
	'import.textSuperseded',
	'load.oom.engine',
	'load.oom.reading',
	'load.oom.checking',
	'load.parquet',
	'ragged.stop',
	'ragged.stopCli',
	'ragged.skipped',
	'ragged.badOption',
	'xlsx.legacy',
	'xlsx.otherFormat',
	'xlsx.encrypted',
	'xlsx.corrupt',
	'xlsx.invalid',
	'xlsx.noSheet',
	'xlsx.emptySheet',
	'xlsx.noData',
	'xlsx.readFailed',
	'xlsx.notWorkbook',
	'dates.cli.badZone',
	'dates.cli.badFormat',
	// mapping the columns of transactions and customer tables
	'orders.notNumbersSome',
	'orders.noPaidRows',
	'orders.files.shape',
	'mapping.missing',
	'mapping.missingAmount',
	'mapping.sameColumn',
	'mapping.allEmpty',
	'mapping.notDates',
	'mapping.notDatesSome',
	'mapping.notNumbers',
	'mapping.notNumbersSome',
	'mapping.someEmpty',
	'mapping.noUsableRows',
	'mapping.costNotNumbersSome',
	'mapping.costSomeEmpty',
	'ct.missingCustomer',
	'ct.missingOrders',
	'ct.missingRecency',
	'ct.missingRevenue',
	'ct.noRows',
	'ct.sameColumn',
	'rfm.customerTableBad',
	'rfm.customerTableDuplicate',
	// data quality
	'quality.badOption',
	'quality.badFix',
	'quality.failed',
	// RFM, segments, migration and their plots
	'rfm.badAsOf',
	'rfm.badBins',
	'rfm.badMethod',
	'rfm.thresholdsNotUsed',
	'rfm.badThresholds',
	'rfm.levelsMismatch',
	'rfm.migrationOrder',
	'rfm.failed',
	'segments.badJson',
	'segments.badJsonFile',
	'migration.failed',
	'plots.pngFailed',
	'plots.queryFailed',
	// ABC, CLV, value matrix
	'abc.err.date',
	'abc.err.window',
	'abc.err.thresholds',
	'abc.err.failed',
	'clv.noData',
	'clv.noCalibrationCustomers',
	'clv.badUnit',
	'clv.badCalibrationEnd',
	'clv.observationBeforeCalibration',
	'clv.fitFailed',
	'clv.warning.no-repeat-customers',
	'value.cli.badChoice',
	'value.cli.badSplit',
	'value.cli.ambiguousColumn',
	// touchpoints, surveys, KPIs, journey
	'datasets.needScore',
	'datasets.needTouchpointRoles',
	'kpi.badScore',
	'kpi.noAnswers',
	'kpi.badScale',
	'kpi.badPeriod',
	'kpi.badWhole',
	'kpi.unknownKpi',
	'kpi.notDateColumn',
	'kpi.byOrByPeriod',
	'kpi.failed',
	'kpiui.badLostDays',
	'journey.badDate',
	'journey.badScore',
	'journey.noRows',
	'journey.noSteps',
	'journey.badChannelMap',
	'journey.badNumber',
	'journey.failed',
	'journeyui.badWindow',
	// customer profiles and lifecycle stages
	'profiles.noId',
	'profiles.duplicate',
	'profiles.idCollision',
	'profiles.noRows',
	'profiles.demoted',
	'profiles.failed',
	'lifecycle.badDays',
	'lifecycle.badOrder',
	'lifecycle.flowOrder',
	'lifecycle.noData',
	'lifecycle.failed',
	// grading standards
	'grade.std.notJson',
	'grade.std.notObject',
	'grade.std.notText',
	'grade.std.notNumber',
	'grade.std.badWeight',
	'grade.std.notList',
	'grade.std.badChoice',
	'grade.std.badRule',
	'grade.std.thresholds',
	'grade.std.pointsCount',
	'grade.std.pointsRange',
	'grade.std.quantiles',
	'grade.std.clip',
	'grade.std.collision',
	'grade.std.duplicate',
	'grade.std.noIndicators',
	'grade.std.weights',
	'grade.std.noTiers',
	'grade.std.lowestTier',
	'grade.std.tierName',
	'grade.std.tierDuplicate',
	'grade.std.tierRange',
	'grade.badStandardFile',
	'grade.needsCost',
	'grade.needsClv',
	'grade.needsSurvey',
	'grade.profileNotNumeric',
	'grade.unknownIndicator',
	'grade.failed',
	'grade.surveyDates',
	// command-line arguments
	'cli.unknownCommand',
	'cli.missingOption',
	'cli.badOption',
	'cli.amountOrQtyPrice',
	'cli.noColumn',
	'cli.noFile',
	'cli.badNumber',
	'cli.badDate',
	'cli.badChoice',
	'cli.badBins',
	'cli.badNumberList',
	'cli.needsOption',
	'cli.notWithCustomerTable',
	'cli.recencyOrLastDate',
	// tiered service plans
	'plan.json.notJson',
	'plan.json.notObject',
	'plan.json.badBasis',
	'plan.json.otherBasis',
	'plan.json.badText',
	'plan.json.badChannel',
	'plan.json.badNumber',
	'plan.badFile',
	'plan.badHolidays',
	'plan.wholeNumber',
	'plan.failed',
	'plan.loadFailed',
	'plan.needGrade',
	'plan.noProfileColumn',
	// plan evaluation
	'evaluate.missingColumns',
	'evaluate.noId',
	'evaluate.noGroup',
	'evaluate.badControl',
	'evaluate.duplicate',
	'evaluate.empty',
	'evaluate.noStart',
	'evaluate.failed',
	'evaluate.migrationQuadrant',
	'evaluate.migrationNoMatch',
	// files that are not what they seem, and failures inside the engine (core/user-error.ts)
	'file.image',
	'file.pdf',
	'file.zip',
	// project files and links (issue 15)
	'projectFile.notProject',
	'projectFile.newer',
	'projectFile.needPassphrase',
	'projectFile.badPassphrase',
	'projectFile.badLink',
	'file.archive',
	'file.gzipName',
	'file.badGzip',
	'file.bomb',
	'file.binary',
	'file.html',
	'file.json',
	'file.xmlSheet',
	'xlsx.tooLarge',
	'engine.outOfMemory',
	'engine.tooLarge',
	'engine.lineTooLong',
	'engine.unclosedQuote',
	'engine.csvFailed',
	'engine.unexpected',
	// never guess silently, nothing lost (issue 11)
	'asof.strays',
	'asof.beforeFirst',
	'rfm.noPurchases',
	'dates.dayMonthUndecided',
	'dates.cli.dayMonthUndecided',
	'dates.mixedOrder',
	'cli.outIsInput',
	'cli.cannotWrite',
	'cli.amountWithQtyPrice',
	'cli.qtyPricePair',
	'cli.binsNoEffect',
	'ids.nulRemoved',
	'ids.scientific',
	'ids.scientificOrder',
	'amounts.notFinite',
	'clv.tooFewRepeatBuyers',
	'header.trimmed',
	'header.duplicate',
	'header.flagRenamed',
	// the analysis window
	'window.badDate',
	'window.order',
	'window.cliOrder',
	// survey imports
	'survey.noScale',
	'survey.keptPrevious',
	'engine.reloadNeeded',
	// a mostly-UTF-8 profile, touchpoint or survey file read with U+FFFD in its bad bytes
	'encoding.repaired'
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type ErrorParams = Record<string, string | number>;
/** A ClienteleError as plain data (what a worker can post). */
export type ErrorData = { code: ErrorCode; params: ErrorParams };

export class ClienteleError extends Error {
	readonly code: ErrorCode;
	readonly params: ErrorParams;
	constructor(code: ErrorCode, params: ErrorParams = {}, message?: string) {
		super(message ?? `${code} ${JSON.stringify(params)}`);
		this.name = 'ClienteleError';
		this.code = code;
		this.params = params;
	}
}

export function isClienteleError(e: unknown): e is ClienteleError {
	return e instanceof ClienteleError;
}

/** A ClienteleError as plain data (what a worker can post) … */
export function errorData(e: ClienteleError): ErrorData {
	return { code: e.code, params: { ...e.params } };
}

/** … and back. */
export function errorFromData(d: ErrorData): ClienteleError {
	return new ClienteleError(d.code, d.params);
}
