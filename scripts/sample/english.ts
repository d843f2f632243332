/**
 * The English twin of the sample (public/sample/en/): the same rows, ids, names, dates and numbers,
 * with every categorical Chinese value (and the survey comments, drawn from a fixed list) in
 * English. Headers stay as they are, so the column mapping, the CLI flags and saved settings work
 * on both twins alike. The translation is a lookup per column: a value missing from its table is a
 * generator bug and stops the generation (no half-translated twin).
 */

import type { Row } from './csv.ts';
import { COMMENTS_NEGATIVE, COMMENTS_NEUTRAL, COMMENTS_POSITIVE } from './vocab.ts';

type Dict = Readonly<Record<string, string>>;

const CITY: Dict = {
	上海: 'Shanghai', 北京: 'Beijing', 杭州: 'Hangzhou', 深圳: 'Shenzhen', 广州: 'Guangzhou',
	成都: 'Chengdu', 南京: 'Nanjing', 苏州: 'Suzhou', 武汉: 'Wuhan', 重庆: 'Chongqing', 西安: "Xi'an",
	长沙: 'Changsha', 天津: 'Tianjin', 宁波: 'Ningbo', 厦门: 'Xiamen'
};
/** Order channels and touchpoints share their names (门店 is the store in both files). */
const POINT: Dict = {
	门店: 'Store', 官网: 'Website', 小程序: 'Mini program', App: 'App', 客服电话: 'Service hotline',
	社交媒体: 'Social media', 邮件: 'Email'
};
const ORDER_CHANNEL: Dict = Object.fromEntries(['门店', '官网', '小程序', 'App'].map((c) => [c, POINT[c] ?? c]));
const CATEGORY: Dict = {
	现制茶饮: 'Fresh tea drinks', 茶叶: 'Loose tea', 茶具: 'Teaware', 茶点零食: 'Snacks',
	礼盒: 'Gift boxes', 文创周边: 'Merchandise'
};
/** Lower case on purpose: the page's own channel tokens, shown as Online / Offline (线上 / 线下). */
const CHANNEL_TYPE: Dict = { 线上: 'online', 线下: 'offline' };
const STAGE: Dict = { 接触前: 'Pre-purchase', 接触中: 'Purchase', 接触后: 'Post-purchase' };
const OUTCOME: Dict = { 转化: 'Conversion', 投诉: 'Complaint', 已解决: 'Resolved' };
const GENDER: Dict = { 女: 'Female', 男: 'Male', 未知: 'Unknown' };
const AGE: Dict = {
	'18-24岁': '18-24', '25-34岁': '25-34', '35-44岁': '35-44', '45-54岁': '45-54', '55岁及以上': '55+'
};
const TIER: Dict = { 普通会员: 'Regular', 银卡会员: 'Silver', 金卡会员: 'Gold', 黑金会员: 'Black gold' };
const REGION: Dict = {
	华东: 'East China', 华北: 'North China', 华南: 'South China', 华中: 'Central China',
	西南: 'Southwest China', 西北: 'Northwest China'
};
const BUSINESS_LINE: Dict = {
	新式茶饮: 'Tea drinks', 门店零售: 'Store retail', 线上商城: 'Online shop', 礼品团购: 'Gifts & group orders'
};
/** The unparseable order time planted as a flaw stays unparseable. */
const ORDER_TIME_FLAW: Dict = { 待确认: 'TBC' };

const COMMENT_EN: readonly (readonly [string, string])[] = [
	['茶很香，包装也精致', 'Fragrant tea, lovely packaging'],
	['店员很热情', 'Very friendly staff'],
	['新品好喝，会回购', 'The new drink is great, will buy again'],
	['小程序点单很方便', 'Ordering in the mini program is easy'],
	['礼盒送人很有面子', 'The gift box makes a fine present'],
	['会员积分很划算', 'Member points are good value'],
	['发货快，茶叶新鲜', 'Fast delivery, fresh tea'],
	['门店环境舒服', 'A pleasant store'],
	['一直在这家买，品质稳定', 'Always buy here, steady quality'],
	['618活动力度大', 'Big 618 discounts'],
	['茶具做工很好', 'Well-made teaware'],
	['口感醇厚, 回甘明显', 'Rich taste, sweet aftertaste'],
	['包装上写着"手工制作"，确实用心', 'The box says "handmade" and it shows'],
	['朋友推荐来的，没有失望', 'A friend recommended it, not disappointed'],
	['还可以', 'OK'],
	['价格偏高', 'A bit pricey'],
	['味道一般，中规中矩', 'Taste is average'],
	['排队时间有点长', 'The queue was a bit long'],
	['希望多出点新口味', 'Would like more new flavours'],
	['配送还行', 'Delivery was fine'],
	['活动规则有点复杂', 'Promotion rules are a bit complicated'],
	['包装可以更环保', 'Packaging could be greener'],
	['和以前差不多', 'Same as before'],
	['物流太慢', 'Shipping too slow'],
	['茶叶有受潮', 'The tea was damp'],
	['客服回复慢', 'Customer service replies slowly'],
	['退货流程麻烦', 'Returns are a hassle'],
	['饮品太甜了', 'The drink was too sweet'],
	['收到的茶具有破损', 'The teaware arrived damaged'],
	['优惠券用不了', 'The coupon did not work'],
	['门店态度不好', 'Unfriendly store staff'],
	['和宣传的不一样, 失望', 'Not as advertised, disappointed'],
	['等了四十分钟\n才拿到饮品', 'Waited forty minutes\nfor my drink']
];
const COMMENT: Dict = Object.fromEntries(COMMENT_EN);
for (const c of [...COMMENTS_POSITIVE, ...COMMENTS_NEUTRAL, ...COMMENTS_NEGATIVE])
	if (COMMENT[c] === undefined) throw new Error(`no English for the sample comment ${JSON.stringify(c)}`);

/** Per file: column index → its table. Other columns (ids, names, times, numbers) are copied. */
export const ENGLISH_COLUMNS = {
	transactions: { 2: ORDER_TIME_FLAW, 3: CATEGORY, 7: ORDER_CHANNEL, 8: CITY },
	customers: { 2: GENDER, 3: AGE, 4: CITY, 6: TIER },
	touchpoints: { 2: POINT, 3: CHANNEL_TYPE, 4: STAGE, 6: OUTCOME },
	surveys: { 5: COMMENT, 6: REGION, 7: BUSINESS_LINE }
} as const satisfies Record<string, Record<number, Dict>>;

export type SampleTable = keyof typeof ENGLISH_COLUMNS;

/** Blank cells stay blank; a column whose table has no entry for a value keeps only listed flaws. */
function translateRow(table: SampleTable, row: Row): Row {
	const cols: Record<number, Dict> = ENGLISH_COLUMNS[table];
	return row.map((cell, i) => {
		const dict = cols[i];
		if (!dict || cell === '') return cell;
		const en = dict[cell];
		if (en !== undefined) return en;
		if (dict === ORDER_TIME_FLAW) return cell; // a real order time
		throw new Error(`no English for ${table} column ${i}: ${JSON.stringify(cell)}`);
	});
}

export function englishRows(table: SampleTable, rows: readonly Row[]): Row[] {
	return rows.map((r) => translateRow(table, r));
}

/** The value tables of the README: [column index, Chinese, English] per file. */
export function englishGlossary(table: SampleTable): [number, string, string][] {
	const cols: Record<number, Dict> = ENGLISH_COLUMNS[table];
	return Object.entries(cols).flatMap(([i, dict]) =>
		Object.entries(dict).map(([zh, en]): [number, string, string] => [Number(i), zh, en])
	);
}
