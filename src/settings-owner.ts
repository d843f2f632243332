/**
 * Every spec of the page's settings (project files and links) and where each model is attached to the
 * settings registry (state/project-settings.ts). App.svelte, the owner of the view models, calls these
 * as it makes them; test/unit/settings-owner.test.ts proves that every `$state` field of every model is
 * either a setting here or named as not one.
 */
import { ClienteleError } from './core/errors.ts';
import type { SettingsSpec } from './core/project/settings-spec.ts';
import { datasets } from './state/datasets.svelte.ts';
import { profiles } from './state/profiles.svelte.ts';
import { attachSettings, detachSettings, fieldAdapter } from './state/project-settings.ts';
import { quality } from './state/quality.svelte.ts';
import { gridViews } from './state/grid-views.svelte.ts';
import { APP_MOMENT, GRID_SETTINGS, PROFILES_SETTINGS, QUALITY_SETTINGS, SURVEYS_SETTINGS, TOUCHPOINTS_SETTINGS, WINDOW_SETTINGS } from './state/settings-specs.ts';
import { analysisWindow } from './state/window.svelte.ts';
import { TOUR_MOMENT } from './state/settings-specs.ts';
import type { AbcModel } from './views/abc/abc-model.svelte.ts';
import { ABC_SETTINGS } from './views/abc/settings.ts';
import type { GradeModel } from './views/grade/grade-model.svelte.ts';
import { GRADE_SETTINGS } from './views/grade/settings.ts';
import type { ImportModel } from './views/import/import-model.svelte.ts';
import { CUSTOMERS_SETTINGS, IMPORT_MOMENT, IMPORT_SETTINGS, ORDERS_SETTINGS } from './views/import/settings.ts';
import type { JourneyModel } from './views/journey/journey-model.svelte.ts';
import { JOURNEY_SETTINGS } from './views/journey/settings.ts';
import type { KpiModel } from './views/kpi/kpi-model.svelte.ts';
import { KPI_SETTINGS } from './views/kpi/settings.ts';
import { LIFECYCLE_SETTINGS } from './views/lifecycle/settings.ts';
import type { MigrationModel } from './views/migrate/migrate-model.svelte.ts';
import { MIGRATE_SETTINGS } from './views/migrate/settings.ts';
import type { PlanModel } from './views/plan/plan-model.svelte.ts';
import { EVALUATE_SETTINGS, PLAN_SETTINGS } from './views/plan/settings.ts';
import { FORECAST_SETTINGS } from './views/forecast/settings.ts';
import { PERSONA_SETTINGS } from './views/persona/settings.ts';
import { PROJECT_DIALOG } from './views/project/settings.ts';
import { OFFLINE_PANEL } from './views/offline/settings.ts';
import { QUALITY_VIEW_SETTINGS } from './views/quality/settings.ts';
import type { ReportModel } from './views/report/report-model.svelte.ts';
import { REPORT_SETTINGS } from './views/report/settings.ts';
import type { RfmModel } from './views/rfm/rfm-model.svelte.ts';
import { RFM_PLOTS_SETTINGS, RFM_SETTINGS } from './views/rfm/settings.ts';
import type { ValueModels } from './views/value-matrix/context.ts';
import { CLV_SETTINGS, MATRIX_SETTINGS } from './views/value-matrix/settings.ts';
import type { PivotModel } from './views/pivot/pivot-model.svelte.ts';
import { PIVOT_SETTINGS } from './views/pivot/settings.ts';
import { CONSOLE_SETTINGS } from './views/console/settings.ts';

/** Every spec, in the order settings are restored (the window before the analyses that read it). */
export const ALL_SPECS: readonly SettingsSpec[] = [
	IMPORT_SETTINGS, ORDERS_SETTINGS, CUSTOMERS_SETTINGS, QUALITY_SETTINGS, TOUCHPOINTS_SETTINGS, SURVEYS_SETTINGS, PROFILES_SETTINGS,
	WINDOW_SETTINGS, RFM_SETTINGS, RFM_PLOTS_SETTINGS, ABC_SETTINGS, CLV_SETTINGS, MATRIX_SETTINGS, MIGRATE_SETTINGS, LIFECYCLE_SETTINGS,
	GRADE_SETTINGS, PLAN_SETTINGS, EVALUATE_SETTINGS, KPI_SETTINGS, JOURNEY_SETTINGS, PERSONA_SETTINGS, FORECAST_SETTINGS, GRID_SETTINGS,
	IMPORT_MOMENT, QUALITY_VIEW_SETTINGS, APP_MOMENT, PROJECT_DIALOG, OFFLINE_PANEL,
	TOUR_MOMENT, REPORT_SETTINGS, PIVOT_SETTINGS, CONSOLE_SETTINGS
];
export const RESTORE_ORDER = ALL_SPECS.map((s) => s.key);
/** The mapping and cleaning: restored before the data is mapped (state/project-flow.ts). */
export const MAPPING_KEYS = [IMPORT_SETTINGS, ORDERS_SETTINGS, CUSTOMERS_SETTINGS, QUALITY_SETTINGS].map((s) => s.key);
/** Models made afresh for each data version. */
const DATA_KEYS = [RFM_SETTINGS, RFM_PLOTS_SETTINGS, ABC_SETTINGS, CLV_SETTINGS, MATRIX_SETTINGS, MIGRATE_SETTINGS, LIFECYCLE_SETTINGS, GRADE_SETTINGS, PLAN_SETTINGS, EVALUATE_SETTINGS, PERSONA_SETTINGS].map((s) => s.key);

/** The window: a day left at the data's default is saved as "default" and follows the next data. */
export function attachWindow(): void {
	const w = analysisWindow;
	attachSettings(WINDOW_SETTINGS, w, {
		snapshot: () => ({ start: w.start === w.defaultStart ? 'default' : w.start, asOf: w.asOf === w.defaultAsOf ? 'default' : w.asOf }),
		restore: (v) => {
			const day = (x: unknown, d: string) => (typeof x === 'string' && x !== 'default' && x !== '' ? x : d);
			if (!w.defaultAsOf) return;
			try {
				w.apply({ start: day(v.start, w.defaultStart), asOf: day(v.asOf, w.defaultAsOf) });
			} catch (e) {
				if (!(e instanceof ClienteleError)) throw e;
			}
		}
	});
}

/** The models that live as long as the page. */
export function attachPageModels(importModel: ImportModel, kpi: KpiModel, journey: JourneyModel): void {
	// The encoding the file was read with goes too (applied when the next file's is not certain: no BOM).
	const fields = fieldAdapter(IMPORT_SETTINGS, importModel);
	attachSettings(IMPORT_SETTINGS, importModel, {
		snapshot: () => ({ ...fields.snapshot(), encoding: importModel.detection?.encoding ?? null }),
		restore: (v) => fields.restore(v)
	});
	attachSettings(ORDERS_SETTINGS, importModel.orders);
	attachSettings(CUSTOMERS_SETTINGS, importModel.customers);
	attachSettings(QUALITY_SETTINGS, quality);
	// Dataset roles and scales restored on a loaded dataset map it again.
	for (const [spec, d] of [[TOUCHPOINTS_SETTINGS, datasets.touchpoints], [SURVEYS_SETTINGS, datasets.surveys]] as const)
		attachSettings(spec, d, fieldAdapter(spec, d, (x) => (x.file ? x.apply() : undefined)));
	attachSettings(PROFILES_SETTINGS, profiles, fieldAdapter(PROFILES_SETTINGS, profiles, (x) => (x.file ? x.apply() : undefined)));
	attachSettings(KPI_SETTINGS, kpi);
	attachSettings(JOURNEY_SETTINGS, journey);
	attachSettings(GRID_SETTINGS, gridViews);
	attachWindow();
}

/** New data: the models of the previous data no longer hold the settings. */
export function newDataModels(): void {
	detachSettings(DATA_KEYS);
}

/** The RFM model, once its first run has set the window's defaults; restored settings re-run it. */
export function attachRfm(m: RfmModel): void {
	attachSettings(RFM_SETTINGS, m, fieldAdapter(RFM_SETTINGS, m, (x) => x.run()));
}

export function attachAbc(m: AbcModel): AbcModel {
	return attachSettings(ABC_SETTINGS, m, fieldAdapter(ABC_SETTINGS, m, (x) => x.run()));
}

export function attachGrade(m: GradeModel): GradeModel {
	return attachSettings(GRADE_SETTINGS, m, fieldAdapter(GRADE_SETTINGS, m, (x) => x.run()));
}

export function attachValue(v: ValueModels): ValueModels {
	attachSettings(CLV_SETTINGS, v.clv);
	attachSettings(MATRIX_SETTINGS, v.matrix);
	return v;
}

export function attachMigration(m: MigrationModel): MigrationModel {
	return attachSettings(MIGRATE_SETTINGS, m, fieldAdapter(MIGRATE_SETTINGS, m, (x) => (x.from && x.to ? x.run() : undefined)));
}

export function attachPlan(m: PlanModel): PlanModel {
	attachSettings(EVALUATE_SETTINGS, m.evaluation);
	return attachSettings(PLAN_SETTINGS, m);
}

/** The report's choices and the user's text (client name, commentary: project file only). */
export function attachReport(m: ReportModel): ReportModel {
	return attachSettings(REPORT_SETTINGS, m, fieldAdapter(REPORT_SETTINGS, m, (x) => x.normalise()));
}

/** The pivot table's spec (a model for the page's life). */
export function attachPivot(m: PivotModel): PivotModel {
	return attachSettings(PIVOT_SETTINGS, m);
}
