/** Word lists and tables for the sample data: a tea & lifestyle chain (stores, web shop, mini-program, app). */

import type { Rng } from './rng.ts';

export const CHANNELS = ['门店', '官网', '小程序', 'App'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ONLINE: ReadonlySet<Channel> = new Set<Channel>(['官网', '小程序', 'App']);

export type City = { name: string; region: string; weight: number };
export const CITIES: readonly City[] = [
	{ name: '上海', region: '华东', weight: 16 },
	{ name: '北京', region: '华北', weight: 13 },
	{ name: '杭州', region: '华东', weight: 10 },
	{ name: '深圳', region: '华南', weight: 10 },
	{ name: '广州', region: '华南', weight: 9 },
	{ name: '成都', region: '西南', weight: 8 },
	{ name: '南京', region: '华东', weight: 6 },
	{ name: '苏州', region: '华东', weight: 5 },
	{ name: '武汉', region: '华中', weight: 5 },
	{ name: '重庆', region: '西南', weight: 4 },
	{ name: '西安', region: '西北', weight: 3 },
	{ name: '长沙', region: '华中', weight: 3 },
	{ name: '天津', region: '华北', weight: 3 },
	{ name: '宁波', region: '华东', weight: 2.5 },
	{ name: '厦门', region: '华南', weight: 2.5 }
];
export const CITY_WEIGHTS = CITIES.map((c) => c.weight);

export type Category = {
	name: string;
	/** List prices in CNY, cheapest first. */
	prices: readonly number[];
	/** Weights for quantity 1, 2, 3, ... */
	qty: readonly number[];
	/** Base share by channel: 门店, 官网, 小程序, App. */
	share: readonly [number, number, number, number];
	/** How strongly a big spender leans towards this category (exponent on the spend multiplier). */
	premium: number;
	/** Probability that a line of this category is returned. */
	returnRate: number;
};

export const CATEGORIES: readonly Category[] = [
	{
		name: '现制茶饮',
		prices: [15, 16, 18, 19, 22, 25, 28, 32, 36, 38],
		qty: [55, 28, 10, 7],
		share: [55, 0, 45, 25],
		premium: -0.5,
		returnRate: 0.0025
	},
	{
		name: '茶叶',
		prices: [48, 68, 88, 128, 168, 198, 268, 298, 398, 498, 680, 880, 1280],
		qty: [70, 20, 10],
		share: [12, 35, 17, 25],
		premium: 0.7,
		returnRate: 0.028
	},
	{
		name: '茶具',
		prices: [39, 59, 89, 129, 199, 299, 399, 599, 899, 1280],
		qty: [85, 15],
		share: [5, 22, 6, 12],
		premium: 0.7,
		returnRate: 0.048
	},
	{
		name: '茶点零食',
		prices: [15, 16, 19, 26, 29, 36, 39, 48, 58, 68, 88],
		qty: [50, 25, 12, 8, 5],
		share: [18, 12, 15, 15],
		premium: 0,
		returnRate: 0.01
	},
	{
		name: '礼盒',
		prices: [168, 198, 268, 298, 368, 468, 588, 688, 888, 1288],
		qty: [72, 16, 7, 5],
		share: [5, 20, 9, 12],
		premium: 0.8,
		returnRate: 0.028
	},
	{
		name: '文创周边',
		prices: [29, 39, 49, 59, 69, 89, 129, 159, 199],
		qty: [80, 15, 5],
		share: [5, 11, 8, 11],
		premium: 0.2,
		returnRate: 0.032
	}
];

/** Order hour weights (0..23) by channel. */
const STORE_HOURS = [
	0, 0, 0, 0, 0, 0, 0, 0.2, 0.6, 1, 1.6, 2.4, 3, 2.6, 2, 2.2, 2.6, 3, 3, 2.6, 2, 1.2, 0.4, 0
];
const MINI_HOURS = [
	0.3, 0.15, 0.05, 0, 0, 0, 0.1, 0.6, 1.4, 1.6, 1.8, 2.6, 3, 2.4, 2, 2.2, 2.4, 2.6, 2.6, 2.6, 2.6,
	2.4, 1.6, 0.8
];
const SHOP_HOURS = [
	0.8, 0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 1, 1.3, 1.4, 1.5, 1.3, 1.2, 1.3, 1.3, 1.3, 1.4,
	1.6, 2, 2.6, 2.8, 1.8
];
const PEAK_SHOP_HOURS = SHOP_HOURS.map((w, h) =>
	h === 0 ? w * 12 : h === 1 ? w * 4 : h === 20 ? w * 2.5 : w
);

export function hourWeights(channel: Channel, peakDay: boolean): readonly number[] {
	if (channel === '门店') return STORE_HOURS;
	if (channel === '小程序')
		return peakDay ? MINI_HOURS.map((w, h) => (h === 0 ? w * 6 : w)) : MINI_HOURS;
	return peakDay ? PEAK_SHOP_HOURS : SHOP_HOURS;
}

/** Seconds since midnight drawn for a channel. */
export function timeOfDay(rng: Rng, channel: Channel, peakDay: boolean): number {
	const hour = rng.weightedIndex(hourWeights(channel, peakDay));
	return hour * 3600 + rng.int(0, 3599);
}

// Surnames with rough relative frequencies (most common first), and a few two-character ones.
const SURNAMES =
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const SURNAME_LIST = [...SURNAMES];
const SURNAME_WEIGHTS = SURNAME_LIST.map((_, i) => 1 / (i + 8));
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '慕容'];
const MALE_CHARS = [
	...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志文博晨哲睿轩毅航然泽昊嘉子'
];
const FEMALE_CHARS = [
	...'芳娜敏静丽艳娟霞秀玲婷雪琳倩颖洁慧莹晶妍佳欣怡悦璐雯萱梦诗涵思雨蕾薇晓月琪瑶钰楠婧茜可馨'
];

export function chineseName(rng: Rng, gender: string): string {
	const surname = rng.chance(0.006)
		? rng.pick(COMPOUND_SURNAMES)
		: rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
	const chars =
		gender === '男'
			? MALE_CHARS
			: gender === '女'
				? FEMALE_CHARS
				: rng.chance(0.5)
					? MALE_CHARS
					: FEMALE_CHARS;
	const first = rng.pick(chars);
	if (rng.chance(0.28)) return surname + first;
	let second = rng.pick(chars);
	if (second === first && rng.chance(0.7)) second = rng.pick(chars);
	return surname + first + second;
}

export const GENDERS = ['女', '男', '未知'] as const;
export const GENDER_WEIGHTS = [57, 40, 3];
export const AGE_BANDS = ['18-24岁', '25-34岁', '35-44岁', '45-54岁', '55岁及以上'] as const;
export const AGE_WEIGHTS = [18, 36, 24, 14, 8];
/** Preferred-channel weights (门店, 官网, 小程序, App) by age band index. */
export const CHANNEL_BY_AGE: readonly (readonly number[])[] = [
	[25, 6, 45, 24],
	[28, 10, 38, 24],
	[36, 16, 30, 18],
	[46, 22, 22, 10],
	[58, 22, 14, 6]
];

export const TIERS = ['普通会员', '银卡会员', '金卡会员', '黑金会员'] as const;

// Survey comments by sentiment. A few contain an ASCII comma, a double quote or a line break on
// purpose, so CSV readers have to cope with quoted fields.
export const COMMENTS_POSITIVE = [
	'茶很香，包装也精致',
	'店员很热情',
	'新品好喝，会回购',
	'小程序点单很方便',
	'礼盒送人很有面子',
	'会员积分很划算',
	'发货快，茶叶新鲜',
	'门店环境舒服',
	'一直在这家买，品质稳定',
	'618活动力度大',
	'茶具做工很好',
	'口感醇厚, 回甘明显',
	'包装上写着"手工制作"，确实用心',
	'朋友推荐来的，没有失望'
];
export const COMMENTS_NEUTRAL = [
	'还可以',
	'价格偏高',
	'味道一般，中规中矩',
	'排队时间有点长',
	'希望多出点新口味',
	'配送还行',
	'活动规则有点复杂',
	'包装可以更环保',
	'和以前差不多'
];
export const COMMENTS_NEGATIVE = [
	'物流太慢',
	'茶叶有受潮',
	'客服回复慢',
	'退货流程麻烦',
	'饮品太甜了',
	'收到的茶具有破损',
	'优惠券用不了',
	'门店态度不好',
	'和宣传的不一样, 失望',
	'等了四十分钟\n才拿到饮品'
];
