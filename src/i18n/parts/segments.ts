/**
 * Messages for segment names, meanings and actions of the rule sets.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
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
	'segments.badJson': 'rule set, field {field}: {detail}',
	'segments.badJsonFile': '{file}: rule set field {field}: {detail}',
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
		'Keep costs low: occasional low-cost contact, or let them go.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'segment.champions': '冠军客户',
	'segment.potential_loyalist': '潜在忠诚客户',
	'segment.loyal_customers': '忠诚客户',
	'segment.promising': '有潜力客户',
	'segment.new_customers': '新客户',
	'segment.cant_lose_them': '不能失去的客户',
	'segment.at_risk': '流失风险客户',
	'segment.need_attention': '需要关注客户',
	'segment.about_to_sleep': '即将沉睡客户',
	'segment.lost': '已流失客户',
	'segment.others': '其他',
	'segments.badJson': '规则集字段 {field}：{detail}',
	'segments.badJsonFile': '{file}：规则集字段 {field}：{detail}',
	'segment.shp_prospects': '潜在客户',
	'segment.shp_champions': '冠军客户',
	'segment.shp_loyal': '忠诚客户',
	'segment.shp_active': '活跃客户',
	'segment.shp_new': '新客户',
	'segment.shp_promising': '有潜力客户',
	'segment.shp_needs_attention': '需要关注客户',
	'segment.shp_previously_loyal': '曾经忠诚客户',
	'segment.shp_at_risk': '流失风险客户',
	'segment.shp_almost_lost': '即将流失客户',
	'segment.shp_dormant': '沉睡客户',
	'segment.cn8_important_value': '重要价值客户',
	'segment.cn8_important_develop': '重要发展客户',
	'segment.cn8_important_keep': '重要保持客户',
	'segment.cn8_important_retain': '重要挽留客户',
	'segment.cn8_general_value': '一般价值客户',
	'segment.cn8_general_develop': '一般发展客户',
	'segment.cn8_general_keep': '一般保持客户',
	'segment.cn8_general_retain': '一般挽留客户',
	'segment.cn8_important_value.meaning': '最近消费、消费频次高、消费金额高：最优质的客户。',
	'segment.cn8_important_value.action': '倾斜优质资源：VIP 服务、个性化关怀、推荐高端产品。',
	'segment.cn8_important_develop.meaning': '最近消费、金额高，但频次低：很有潜力。',
	'segment.cn8_important_develop.action': '提升购买频次：会员与积分、适时的复购优惠。',
	'segment.cn8_important_keep.meaning': '频次高、金额高，但最近没有消费：正在疏远的重要客户。',
	'segment.cn8_important_keep.action': '主动联系、保持关系：一对一沟通、唤醒活动。',
	'segment.cn8_important_retain.meaning': '金额高，但频次低且很久没有消费：即将流失的重要客户。',
	'segment.cn8_important_retain.action': '重点挽留：了解流失原因，给出针对性优惠。',
	'segment.cn8_general_value.meaning': '最近消费、频次高，但每单金额低。',
	'segment.cn8_general_value.action': '提升客单价：交叉销售、组合套餐、满额包邮。',
	'segment.cn8_general_develop.meaning': '最近消费，但频次低、金额低：新客或轻度客户。',
	'segment.cn8_general_develop.action': '引导二次购买：新人礼、低门槛优惠券。',
	'segment.cn8_general_keep.meaning': '过去常买但金额低，最近没有消费。',
	'segment.cn8_general_keep.action': '低成本唤醒：优惠券、自动提醒。',
	'segment.cn8_general_retain.meaning': '频次低、金额低、很久没有消费：价值低，接近流失。',
	'segment.cn8_general_retain.action': '控制成本：偶尔低成本触达，或放弃。'
};

export const segmentsMessages = { en, zh };
