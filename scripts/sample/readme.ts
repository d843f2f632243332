/** public/sample/README.md: what each file holds, how it was made, and the flaws planted on purpose. */

import type { SampleStats } from './generate.ts';
import type { TransactionFlaws } from './transactions.ts';
import { englishReadme } from './readme-english.ts';

function list(ids: readonly string[]): string {
	return ids.map((id) => '`' + id + '`').join(', ');
}

export function sampleReadme(seed: number, stats: SampleStats, flaws: TransactionFlaws): string {
	const dupIds = flaws.duplicates.map((r) => r[0] ?? '');
	return `# Sample data / 示例数据

Synthetic data for a fictional Chinese tea & lifestyle chain (stores, web shop, WeChat mini-program
and app), 2024-01-01 .. 2025-12-31. Every person, order and comment is made up.

虚构的茶饮与生活方式连锁品牌（门店、官网、小程序、App）在 2024-01-01 至 2025-12-31 的模拟数据，
所有人名、订单和评论均为随机生成。

Regenerate with \`npx tsx scripts/gen-sample.ts\` (options: \`--seed N\`, \`--out DIR\`).
Seed: **${seed}**. The output is byte-identical for the same seed.

All files: UTF-8 **without BOM**, LF line endings, RFC 4180 quoting (fields containing a comma,
a double quote or a line break are quoted, quotes doubled). Times are local shop time with no time
zone, \`YYYY-MM-DD HH:MM:SS\`; dates are \`YYYY-MM-DD\`. Amounts are CNY, plain numbers with two
decimals (no currency sign, no thousands separator). Customer ids are text like \`C000123\`: keep
the leading zeros (do not read them as numbers).

| File | Rows | Content |
| --- | ---: | --- |
| \`transactions.csv\` | ${stats.transactionRows} | order lines (${stats.orders} orders, ${stats.returnLines} return lines, flaws included) |
| \`customers.csv\` | ${stats.customerRows} | one row per registered customer (${stats.buyers} buyers + ${stats.prospects} who never ordered) |
| \`touchpoints.csv\` | ${stats.touchpointRows} | customer-journey events |
| \`surveys.csv\` | ${stats.surveyRows} | post-purchase survey answers |

## transactions.csv — 订单明细

| 列 | Column | Notes |
| --- | --- | --- |
| 订单号 | order id | \`SO\` + order date + 4-digit sequence, e.g. \`SO202406180042\`. An order has 1-4 lines, so ids repeat. Returns use the original id + \`-R\`. |
| 客户编号 | customer id | \`C\` + 6 digits |
| 下单时间 | order time | \`YYYY-MM-DD HH:MM:SS\` |
| 商品类别 | category | 现制茶饮, 茶叶, 茶具, 茶点零食, 礼盒, 文创周边 |
| 数量 | quantity | integer; negative on return lines |
| 单价 | unit price | list price, always positive |
| 实付金额 | paid amount | after discounts; negative on return lines; 12-3000 per normal line |
| 渠道 | channel | 门店 (store), 官网 (web shop), 小程序 (mini-program), App |
| 城市 | city | store city, or delivery city for online orders |

How it was made: buyers follow a BG/NBD-like process (Gamma-distributed purchase rates, a
geometric dropout after each purchase), with heterogeneous spend (a Gamma spend multiplier that
shifts both category mix and price level). About a third of buyers were members before 2024; new
buyers are acquired all through the two years, at a growing pace. Sales have a weekly rhythm (weekends
up) and yearly peaks: 618 (June 1-18, spike on the 18th), 双11 (presale from Oct 24, spike on
Nov 11), 双12, and gift-box seasons before Chinese New Year and Mid-Autumn; the Spring Festival
holiday itself is quiet. Online orders on the 618 / 双11 peak days rush in right after midnight.
About 2 % of lines are returns: same customer, channel, city, category and unit price as the
original line, 1-15 days later, order id \`<original>-R\`, negative quantity and amount.

### Flaws planted on purpose / 故意埋入的数据质量问题

All on single-line orders of customers who have at least 3 orders (so no customer disappears):

- ${flaws.duplicates.length} exact duplicate lines (the copy directly follows the original): ${list(dupIds)}
- ${flaws.emptyCustomer.length} lines with an empty 客户编号: ${list(flaws.emptyCustomer)}
- ${flaws.outliers.length} absurd 实付金额 (x1000, x100 and 999999.99; 数量 and 单价 untouched): ${list(flaws.outliers)}
- ${flaws.futureDates.length} lines dated in the future (2025 typed as 2026; the order id keeps the real date): ${list(flaws.futureDates)}
- ${flaws.unparseableDates.length} lines whose 下单时间 is the text \`待确认\` (unparseable): ${list(flaws.unparseableDates)}

Otherwise the data is clean: no currency signs, no thousands separators, no blank amounts.

## customers.csv — 客户

| 列 | Column | Notes |
| --- | --- | --- |
| 客户编号 | customer id | numbered in order of registration |
| 姓名 | name | generated from surname and given-name lists |
| 性别 | gender | 女, 男, 未知 (unknown) |
| 年龄段 | age band | 18-24岁, 25-34岁, 35-44岁, 45-54岁, 55岁及以上 |
| 城市 | city | home city |
| 注册日期 | registration date | \`YYYY-MM-DD\`; can be before 2024 (members since 2019) |
| 会员等级 | membership tier | 普通会员 / 银卡会员 / 金卡会员 / 黑金会员 by net spend in the two years (800 / 3000 / 10000 CNY) |

## touchpoints.csv — 客户触点

| 列 | Column | Notes |
| --- | --- | --- |
| 客户编号 | customer id | |
| 时间 | time | \`YYYY-MM-DD HH:MM:SS\` |
| 触点 | touchpoint | 官网, App, 小程序, 门店, 客服电话, 社交媒体, 邮件 |
| 渠道 | channel type | 线上 (online) or 线下 (offline: 门店 and 客服电话) |
| 阶段 | stage | 接触前 (before purchase: browsing, social, e-mail), 接触中 (the purchase), 接触后 (service) |
| 满意度 | satisfaction | 1-5, often blank |
| 结果 | outcome | 转化 (conversion; every 接触中 event), 投诉 (complaint), 已解决 (resolved), or blank |

Every returned order has a 接触后 service contact (a complaint or a resolved case; most complaints get
a later 已解决). Prospects (customers without orders) only have 接触前 events and never convert.
Ratings rise with the customer's loyalty.

## surveys.csv — 满意度调查

| 列 | Column | Notes |
| --- | --- | --- |
| 客户编号 | customer id | |
| 日期 | date | \`YYYY-MM-DD\`, 1-7 days after the surveyed order |
| NPS | likelihood to recommend | 0-10 (9-10 promoters, 0-6 detractors); NPS about +25..+30; ~2 % blank |
| CSAT | satisfaction | 1-5, top-2-box about 80 %; ~5 % blank |
| CES | customer effort | 1-7, **7 = very easy** (agreement with "it was easy"); ~10 % blank |
| 评论 | comment | short Chinese text, often blank; a few contain a comma, quotes or a line break |
| 地区 | region | 华东, 华北, 华南, 华中, 西南, 西北 (from the order's city) |
| 业务线 | business line | 新式茶饮, 门店零售, 线上商城, 礼品团购 |

Scores are correlated with each other and with customer value (loyal customers are happier);
answers about orders with a return or a complaint are clearly lower.

${englishReadme()}`;
}
