import { appMessages } from './parts/app.ts';
import { importMessages } from './parts/import.ts';
import { rfmMessages } from './parts/rfm.ts';
import { rfmUiMessages } from './parts/rfm-ui.ts';
import { rfmPlotsMessages } from './parts/rfm-plots.ts';
import { segmentsMessages } from './parts/segments.ts';
import { migrateMessages } from './parts/migrate.ts';
import { qualityMessages } from './parts/quality.ts';
import { valueMessages } from './parts/value.ts';
import { clvMessages } from './parts/clv.ts';
import { abcMessages } from './parts/abc.ts';
import { kpiMessages } from './parts/kpi.ts';
import { journeyMessages } from './parts/journey.ts';
import { datasetsMessages } from './parts/datasets.ts';
import { customerTableMessages } from './parts/customer-table.ts';
import { xlsxMessages } from './parts/xlsx.ts';
import { raggedMessages } from './parts/ragged.ts';
import { datesTzMessages } from './parts/dates-tz.ts';
import { cliMessages } from './parts/cli.ts';
import { planMessages } from './parts/plan.ts';
import { hostileMessages } from './parts/hostile.ts';
import { lifecycleMessages } from './parts/lifecycle.ts';
import { gradeMessages } from './parts/grade.ts';
import { segmentGuideMessages } from './parts/segment-guide.ts';
import { routeMessages } from './parts/route.ts';
import { guessMessages } from './parts/guess.ts';
import { ordersMessages } from './parts/orders.ts';
import { windowMessages } from './parts/window.ts';
import { presentMessages } from './parts/present.ts';
import { evaluateMessages } from './parts/evaluate.ts';
import { evaluateMigrationMessages } from './parts/evaluate-migration.ts';
import { forecastMessages } from './parts/forecast.ts';
import { recoveryMessages } from './parts/recovery.ts';
import { profileRideMessages } from './parts/profile-ride.ts';
import { sampleMessages } from './parts/sample.ts';
import { messyMessages } from './parts/messy.ts';
import { personaMessages } from './parts/persona.ts';
import { personaMoreMessages } from './parts/persona-more.ts';
import { projectMessages } from './parts/project.ts';
import { gridToolsMessages } from './parts/grid-tools.ts';
import { offlineMessages } from './parts/offline.ts';
import { tourMessages } from './parts/tour.ts';
import { reportMessages } from './parts/report.ts';
import { scaleMessages } from './parts/scale.ts';
import { emitSqlMessages } from './parts/emit-sql.ts';
import { pivotMessages } from './parts/pivot.ts';
import { consoleMessages } from './parts/console.ts';
import { nativeMessages } from './parts/native.ts';

/** Every part of the catalogues, one per area (src/i18n/parts, each exporting `{ en, zh }`). */
export const PARTS = [
	appMessages,
	importMessages,
	rfmMessages,
	rfmUiMessages,
	rfmPlotsMessages,
	segmentsMessages,
	migrateMessages,
	qualityMessages,
	valueMessages,
	clvMessages,
	abcMessages,
	kpiMessages,
	journeyMessages,
	datasetsMessages,
	customerTableMessages,
	xlsxMessages,
	raggedMessages,
	datesTzMessages,
	cliMessages,
	planMessages,
	hostileMessages,
	lifecycleMessages,
	gradeMessages,
	segmentGuideMessages,
	routeMessages,
	guessMessages,
	ordersMessages,
	windowMessages,
	presentMessages,
	evaluateMessages,
	recoveryMessages,
	profileRideMessages,
	sampleMessages,
	messyMessages,
	evaluateMigrationMessages,
	personaMessages,
	personaMoreMessages,
	forecastMessages,
	projectMessages,
	gridToolsMessages,
	offlineMessages,
	tourMessages,
	reportMessages,
	scaleMessages,
	emitSqlMessages,
	pivotMessages,
	consoleMessages,
	nativeMessages
] as const;

/**
 * English catalogue, assembled from the parts. Every visible string of the app comes from a part.
 */
export const en = {
	...appMessages.en,
	...importMessages.en,
	...rfmMessages.en,
	...rfmUiMessages.en,
	...rfmPlotsMessages.en,
	...segmentsMessages.en,
	...migrateMessages.en,
	...qualityMessages.en,
	...valueMessages.en,
	...clvMessages.en,
	...abcMessages.en,
	...kpiMessages.en,
	...journeyMessages.en,
	...datasetsMessages.en,
	...customerTableMessages.en,
	...xlsxMessages.en,
	...raggedMessages.en,
	...datesTzMessages.en,
	...cliMessages.en,
	...planMessages.en,
	...hostileMessages.en,
	...lifecycleMessages.en,
	...gradeMessages.en,
	...segmentGuideMessages.en,
	...routeMessages.en,
	...guessMessages.en,
	...ordersMessages.en,
	...windowMessages.en,
	...presentMessages.en,
	...evaluateMessages.en,
	...recoveryMessages.en,
	...profileRideMessages.en,
	...sampleMessages.en,
	...messyMessages.en,
	...evaluateMigrationMessages.en,
	...personaMessages.en,
	...personaMoreMessages.en,
	...forecastMessages.en,
	...projectMessages.en,
	...gridToolsMessages.en,
	...offlineMessages.en,
	...tourMessages.en,
	...reportMessages.en,
	...scaleMessages.en,
	...emitSqlMessages.en,
	...pivotMessages.en,
	...consoleMessages.en,
	...nativeMessages.en
};
