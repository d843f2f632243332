import { xlsxEn } from './parts/xlsx.ts';
import { raggedEn } from './parts/ragged.ts';
import { datesTzEn } from './parts/dates-tz.ts';
import { perfEn } from './parts/perf.ts';
import { rfmUiEn } from './parts/rfm-ui.ts';
import { rfmPlotsEn } from './parts/rfm-plots.ts';
import { qualityEn } from './parts/quality.ts';
import { valueEn } from './parts/value.ts';
import { abcEn } from './parts/abc.ts';
import { kpiUiEn } from './parts/kpi-ui.ts';
import { customerTableEn } from './parts/customer-table.ts';

/** English catalogue. Every visible string of the app comes from here or zh-CN.ts (same keys). */
export const en = {
	'app.title': 'Clientele',
	'app.tagline': 'Customer segmentation workbench — your data never leaves this browser',
	'app.language': 'Language',
	'app.engine.starting': 'Starting the analysis engine…',
	'app.engine.ready': 'Analysis engine ready (offline)',
	'app.engine.failed': 'Analysis engine could not start',
	'app.engineHint': 'DuckDB runs in this browser tab, in a background worker: no data is sent anywhere.',
	'nav.import': 'Import',
	'nav.data': 'Data',
	'nav.rfm': 'RFM segments',

	'role.customer': 'Customer ID',
	'role.date': 'Order date',
	'role.amount': 'Amount',
	'role.quantity': 'Quantity',
	'role.price': 'Unit price',
	'role.order': 'Order ID',
	'role.cost': 'Cost (of the line)',
	'role.none': '— not used —',
	'role.required': 'required',
	'role.optional': 'optional',

	'import.title': 'Open a transactions file',
	'import.choose': 'Choose file…',
	'import.sample': 'Load sample data',
	'import.sampleHint':
		'A generated tea & lifestyle chain: about 5,000 customers, 60,000 order lines, 2024–2025.',
	'import.privacy': 'Files are read in this browser only. Nothing is uploaded.',
	'import.loading': 'Reading {file} ({size})…',
	'import.elapsed': '{seconds} s',
	'load.readShare': '{percent} % read',
	'load.readRows': '≈ {rows} rows, ≈ {rate} rows/s',
	'import.cancel': 'Cancel',
	'import.cancelled': 'Loading was cancelled. Nothing was changed.',
	'import.textSuperseded': '{file} has been replaced by a file opened later.',
	'import.busy': 'Another file is still loading: wait for it, or cancel it first.',
	'import.loaded': '{file}: {rows} rows, {columns} columns',
	'import.preview': 'Preview (first rows)',
	'import.empty': 'File {file} is empty: no header and no rows.',
	'import.noRows': 'File {file} has a header but no data rows.',
	'import.readFailed': 'Could not read {file}: {detail}',
	'import.engineFailed': 'The analysis engine could not start: {detail}',
	'import.starting': 'Starting the analysis engine…',

	'mapping.title': 'Map the columns',
	'mapping.hint':
		'Guessed from the column names and values. Change any choice; amount can also be quantity × unit price.',
	'mapping.dateFormat': 'Date format',
	'mapping.apply': 'Analyse',
	'mapping.examples': 'Examples',
	'mapping.missing': '{file}: choose a column for “{role}”.',
	'mapping.missingAmount': '{file}: choose an amount column, or both quantity and unit price.',
	'mapping.sameColumn': '{file}: column {column} is chosen for both “{role}” and “{other}”.',
	'mapping.allEmpty': 'column {column} (“{role}”) is empty in every row of {file}.',
	'mapping.notDates':
		"column {column}: {count} values are not dates, first at row {row}: '{value}'. Choose another column or date format.",
	'mapping.notDatesSome':
		"column {column}: {count} values are not dates (first at row {row}: '{value}'); those rows are left out.",
	'mapping.notNumbers':
		"column {column}: {count} values are not numbers, first at row {row}: '{value}'. Choose another column.",
	'mapping.notNumbersSome':
		"column {column}: {count} values are not numbers (first at row {row}: '{value}'); those rows are left out.",
	'mapping.someEmpty':
		'column {column} (“{role}”): {count} rows are empty; those rows are left out.',
	'mapping.noUsableRows': '{file}: no row has a customer, a date and an amount that can be read.',
	'mapping.used': '{rows} of {total} rows are used.',

	'kind.empty': 'empty',
	'kind.date': 'date',
	'kind.integer': 'whole number',
	'kind.number': 'number',
	'kind.text': 'text',

	'grid.rows': '{rows} rows',
	'grid.sortHint': 'Click a column header to sort',
	'grid.row': '#',
	'grid.loading': 'Loading rows…',
	'grid.empty': 'No rows.',
	'grid.raw': 'Raw data',
	'grid.preparing': 'Reading every column of {file}…',
	'grid.customers': 'Customers',

	'rfm.title': 'RFM segments',
	'rfm.asOf': 'As-of date',
	'rfm.asOfHint':
		'Recency is counted in days from the last purchase to this date. Default: the day after the last transaction.',
	'rfm.method':
		'Scores 1–5 by quintile (equal-size groups ranked by value; ties broken by customer ID).',
	'rfm.frequencyOrders': 'Frequency = distinct orders (order ID).',
	'rfm.frequencyDays': 'Frequency = distinct purchase days (no order ID mapped).',
	'rfm.monetary': 'Monetary = sum of amounts, returns netted.',
	'rfm.rules':
		'Segments: the ten rules of the R rfm package (first match wins; the rest are “Others”).',
	'rfm.summary': 'Segment summary',
	'rfm.running': 'Computing RFM…',
	'rfm.customersTotal': '{customers} customers, {revenue} revenue',
	'rfm.clickHint': 'Click a segment to list its customers.',
	'rfm.export': 'Export CSV',
	'rfm.exportSegment': 'Export {segment} (CSV)',
	'rfm.exportAll': 'Export all customers (CSV)',
	'rfm.allCustomers': 'All customers',
	'rfm.showing': 'Showing: {segment}',
	'rfm.strayDates':
		'{count} transactions are dated far after all others (the latest: {last}) and look like errors; the default as-of date {asOf} leaves them out. Set a later date to include them.',
	'rfm.badAsOf': 'The as-of date {value} is not a valid date (use YYYY-MM-DD).',

	'col.segment': 'Segment',
	'col.customers': 'Customers',
	'col.share': 'Share',
	'col.orders': 'Orders',
	'col.revenue': 'Revenue',
	'col.revenueShare': 'Revenue share',
	'col.aov': 'Avg order value',
	'col.medianR': 'Median R (days)',
	'col.medianF': 'Median F',
	'col.medianM': 'Median M',

	'chart.segmentShares': 'Customers and revenue share by segment',
	'chart.customerShare': 'Share of customers',
	'chart.revenueShare': 'Share of revenue',
	'chart.rfHeatmap': 'R × F scores, coloured by mean monetary value',
	'chart.rScore': 'R score (5 = most recent)',
	'chart.fScore': 'F score (5 = most frequent)',
	'chart.meanMonetary': 'Mean monetary',
	'chart.share': 'Share',
	'chart.measure': 'Measure',

	'state.loading': 'Loading…',
	'state.error': 'Something went wrong',
	'state.noData': 'No data yet. Open a file or load the sample data.',
	'state.retry': 'Try again',
	'state.dismiss': 'Dismiss',

	'segment.champions': 'Champions',
	'segment.potential_loyalist': 'Potential Loyalist',
	'segment.loyal_customers': 'Loyal Customers',
	'segment.promising': 'Promising',
	'segment.new_customers': 'New Customers',
	'segment.cant_lose_them': "Can't Lose Them",
	'segment.at_risk': 'At Risk',
	'segment.need_attention': 'Need Attention',
	'segment.about_to_sleep': 'About To Sleep',
	'segment.lost': 'Lost',
	'segment.others': 'Others',

	'cli.usage': 'usage',
	'cli.unknownCommand': 'unknown command: {value}. Commands: {list}',
	'cli.missingOption': 'missing option --{option}',
	'cli.badOption': '{detail}',
	'cli.amountOrQtyPrice': 'give --amount COL, or both --quantity COL and --price COL',
	'cli.noColumn': 'column {column} (--{option}) is not in {file}. Columns: {list}',
	'cli.noFile': 'cannot read {file}: {detail}',
	'cli.badNumber': '--{option} {value} must be a number from {min} to {max}',
	'cli.badDate': '--{option} {value} is not a YYYY-MM-DD date',

	'kpi.badScore':
		"{file}, row {row}, column {column}: '{value}' is not an answer from {min} to {max} (whole numbers only; rows like this: {count}).",
	'kpi.noAnswers': '{file}: column {column} has no answers (every row is blank).',
	'kpi.badScale': 'CSAT scale {value}: use a 5-, 7- or 10-point scale.',
	'kpi.badPeriod': 'the period starts on {start}, after it ends on {end}.',
	'kpi.badWhole': '--{option} {value}: give a whole number of at least {min}.',
	'kpi.unknownKpi': 'unknown KPI: {value}. Choose one of: {list}',
	'cli.badChoice': '--{option} {value}: choose one of {list}',
	'journey.badDate':
		"{file}, row {row}, column {column}: '{value}' is not a date/time in the format {format} (rows like this: {count}).",
	'journey.badScore':
		"{file}, row {row}, column {column}: '{value}' is not a number (rows like this: {count}).",
	'journey.noRows': '{file}: no row has a customer, a readable time and a touchpoint.',
	'journey.noSteps': 'give the funnel steps: --steps A,B,C (touchpoint names, in order)',
	'journey.badChannelMap':
		'--channel-map {value}: write touchpoint=online or touchpoint=offline, separated by commas',
	'journey.badNumber': '--{option} {value}: give a positive number.',
	'kpi.notDateColumn':
		'{file}: column {column} (--date) does not hold dates in a format we can read.',
	'rfm.methodName.ntile': 'Quintiles (rank)',
	'rfm.methodName.r-rfm': 'R rfm package (exact)',
	'rfm.methodName.thresholds': 'Custom thresholds',
	'rfm.methodName.mean': 'Mean split (high/low)',
	'rfm.methodName.median': 'Median split (high/low)',
	'rfm.methodHint.ntile':
		'Equal-size groups ranked by value; equal values may land in neighbouring groups (ties broken by customer ID).',
	'rfm.methodHint.r-rfm':
		'Exactly as R’s rfm package 0.3.0: cut points are the quantiles plus 1; equal values always share a score, so groups can be unequal.',
	'rfm.methodHint.thresholds':
		'Your own cut points: a value equal to a cut point goes to the higher group.',
	'rfm.methodHint.mean':
		'Two levels: above the mean is high; for recency, below the mean is recent.',
	'rfm.methodHint.median':
		'Two levels: above the median is high; for recency, below the median is recent.',
	'rfm.frequencyRows': 'Frequency = number of transaction rows (as R rfm counts).',
	'rfm.monetaryAverage': 'Monetary = average per purchase (total ÷ frequency).',
	'rfm.returnsExclude': 'Returns (negative amounts) are left out.',
	'rfm.returnsDropCancelled': 'Cancelled orders (order ID matching {pattern}) are left out.',
	'rfm.customerTable':
		'Customer table: one row per customer (orders, revenue, recency or last purchase date).',
	'rfm.badBins': 'bins for {dim} must be a whole number from 2 to 10, got {value}',
	'rfm.badMethod': '{dim}: unknown scoring method {value}. Methods: {list}',
	'rfm.thresholdsNotUsed':
		'cut points for {dim} only apply with the methods r-rfm and thresholds, not {method}',
	'rfm.badThresholds': 'cut points for {dim}: {detail}',
	'rfm.levelsMismatch':
		'rule set {set} is written for {levels} score levels, but {dim} has {bins}; use the mean or median split, or {levels} bins',
	'rfm.customerTableBad':
		"{file}: column {column}: {count} rows cannot be read, first at row {row}: '{value}'",
	'rfm.customerTableDuplicate':
		"{file}: customer ID column {column} repeats ids in {count} rows, first at row {row}: '{value}'. A customer table has one row per customer.",
	'rfm.migrationOrder': 'the earlier date {from} must come before the later date {to}',
	'segments.badJson': 'rule set, field {field}: {detail}',
	'segments.badJsonFile': '{file}: rule set field {field}: {detail}',
	'cli.badBins': '--bins {value}: give a whole number from 2 to 10',
	'cli.badNumberList':
		"--{option} {value}: '{item}' is not a number (give comma-separated numbers, e.g. 30,90,180)",
	'cli.needsOption': '--{option} needs --{needs}',
	'cli.notWithCustomerTable': '--{option} does not apply to a customer table (--customer-table)',
	'cli.recencyOrLastDate':
		'a customer table needs exactly one of --recency COL and --last-date COL',
	'segment.shp_prospects': 'Prospects',
	'segment.shp_champions': 'Champions',
	'segment.shp_loyal': 'Loyal',
	'segment.shp_active': 'Active',
	'segment.shp_new': 'New',
	'segment.shp_promising': 'Promising',
	'segment.shp_needs_attention': 'Needs attention',
	'segment.shp_previously_loyal': 'Previously loyal',
	'segment.shp_at_risk': 'At risk',
	'segment.shp_almost_lost': 'Almost lost',
	'segment.shp_dormant': 'Dormant',
	'segment.cn8_important_value': 'Important value',
	'segment.cn8_important_develop': 'Important to develop',
	'segment.cn8_important_keep': 'Important to keep',
	'segment.cn8_important_retain': 'Important to win back',
	'segment.cn8_general_value': 'General value',
	'segment.cn8_general_develop': 'General to develop',
	'segment.cn8_general_keep': 'General to keep',
	'segment.cn8_general_retain': 'General to win back',
	'segment.cn8_important_value.meaning':
		'Bought recently, often, and spends a lot: the best customers.',
	'segment.cn8_important_value.action':
		'Give them priority resources: VIP service, personal offers, upselling.',
	'segment.cn8_important_develop.meaning':
		'Bought recently and spends a lot, but rarely: high potential.',
	'segment.cn8_important_develop.action':
		'Raise purchase frequency: membership, points, timely repurchase offers.',
	'segment.cn8_important_keep.meaning':
		'Buys often and spends a lot, but not recently: a valuable customer drifting away.',
	'segment.cn8_important_keep.action':
		'Contact them actively to keep the relationship: personal outreach, reactivation.',
	'segment.cn8_important_retain.meaning':
		'Spent a lot, but rarely and not recently: a valuable customer about to be lost.',
	'segment.cn8_important_retain.action':
		'Win them back: find out why they left and make a targeted offer.',
	'segment.cn8_general_value.meaning': 'Buys recently and often, but spends little per order.',
	'segment.cn8_general_value.action':
		'Raise order value: cross-selling, bundles, thresholds for free shipping.',
	'segment.cn8_general_develop.meaning':
		'Bought recently, but rarely and little: new or light customers.',
	'segment.cn8_general_develop.action':
		'Encourage a second purchase: welcome offers, low-threshold coupons.',
	'segment.cn8_general_keep.meaning': 'Used to buy often but little, and not recently.',
	'segment.cn8_general_keep.action': 'Reactivate at low cost: coupons and automated reminders.',
	'segment.cn8_general_retain.meaning': 'Rarely, little and long ago: low value, close to lost.',
	'segment.cn8_general_retain.action':
		'Keep costs low: occasional low-cost contact, or let them go.',

	'quality.title': 'Data quality',
	'quality.summary': '{rows} rows, {usable} usable; {customers} customers; {from} to {to}',
	'quality.columnMissing': 'column {column}: {count} empty cells (first at row {row}).',
	'quality.columnInvalid':
		"column {column}: {count} values cannot be read (first at row {row}: '{value}').",
	'quality.exactDuplicates': '{count} rows repeat an earlier row exactly (first at row {row}).',
	'quality.duplicateOrderLines':
		'{count} order lines repeat the customer, order, date and amount of an earlier line (first at row {row}).',
	'quality.negativeAmounts':
		'{count} rows have a negative amount (returns), {amount} in total (first at row {row}).',
	'quality.zeroAmounts': '{count} rows have an amount of zero (first at row {row}).',
	'quality.cancelledOrders': '{count} rows belong to cancelled orders (first at row {row}).',
	'quality.outliers':
		'{count} rows have an amount above {threshold} ({factor}× the 99.9th percentile; first at row {row}).',
	'quality.futureDates': '{count} rows are dated after the as-of date {asOf} (first at row {row}).',
	'quality.earlyDates':
		'{count} rows are dated before {start}, which is implausible (first at row {row}).',
	'quality.policy.keep': 'Keep',
	'quality.policy.drop': 'Leave out',
	'quality.policy.net': 'Net against purchases',
	'quality.undo': 'Undo',
	'quality.fixesNote': 'Fixes change the analysis only; the file itself is never modified.',
	'quality.badOption': 'Data-quality option {option} has an invalid value: {value}.',
	'quality.badFix': 'The saved fix “{policy}” for “{kind}” is not valid; it was ignored.',
	'import.encoding': 'Encoding: {encoding}',
	'import.encodingGuess':
		'The encoding {encoding} is a guess; choose another if the text looks wrong.',
	'import.transcoding': 'Converting {file} to UTF-8… {percent}',
	'import.undecodable':
		'{count} characters could not be decoded as {encoding} and were replaced by “�”.',
	// Parts owned by each view (src/i18n/parts): one line each.
	...rfmUiEn,
	...rfmPlotsEn,
	...qualityEn,
	...valueEn,
	...abcEn,
	...kpiUiEn,
	...customerTableEn,
	...xlsxEn,
	...raggedEn,
	...datesTzEn,
	...perfEn
};
