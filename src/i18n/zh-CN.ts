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
import type { en } from './en.ts';

/** 简体中文目录：由各片段（src/i18n/parts）组装，与 en.ts 键一一对应（类型检查保证不缺键）。 */
export const zhCN: Record<keyof typeof en, string> = {
	...appMessages.zh,
	...importMessages.zh,
	...rfmMessages.zh,
	...rfmUiMessages.zh,
	...rfmPlotsMessages.zh,
	...segmentsMessages.zh,
	...migrateMessages.zh,
	...qualityMessages.zh,
	...valueMessages.zh,
	...clvMessages.zh,
	...abcMessages.zh,
	...kpiMessages.zh,
	...journeyMessages.zh,
	...datasetsMessages.zh,
	...customerTableMessages.zh,
	...xlsxMessages.zh,
	...raggedMessages.zh,
	...datesTzMessages.zh,
	...cliMessages.zh
};
