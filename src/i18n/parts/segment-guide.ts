/**
 * What each preset segment means and the action recommended: R 10 (both rule sets share the ids),
 * Shopify 11 and "Others" (the cn8 texts are in segments.ts). Keys segment.<id>.meaning / .action;
 * test/unit/i18n/segment-guide.test.ts checks that every segment of every preset has both.
 */
const en = {
	'segment.champions.meaning': 'Bought recently, buy often and spend the most.',
	'segment.champions.action':
		'Reward them: VIP perks, early access to new products; ask for reviews and referrals.',
	'segment.loyal_customers.meaning':
		'Buy regularly and spend well; they respond to promotions.',
	'segment.loyal_customers.action':
		'Upsell higher-value products, invite them to the loyalty programme, ask for reviews.',
	'segment.potential_loyalist.meaning':
		'Recent customers who have bought more than once and spent a good amount.',
	'segment.potential_loyalist.action':
		'Offer membership or a loyalty programme and recommend related products.',
	'segment.new_customers.meaning': 'Bought recently, but only once or twice.',
	'segment.new_customers.action':
		'Onboard them: a welcome message, help with the first use, an offer for the next order.',
	'segment.promising.meaning': 'Recent shoppers who have not spent much yet.',
	'segment.promising.action':
		'Build awareness of the range: samples, trials, a small incentive to buy again.',
	'segment.need_attention.meaning':
		'Bought and spent above average, but not very recently: interest is fading.',
	'segment.need_attention.action':
		'Send time-limited offers based on their past purchases to bring them back now.',
	'segment.about_to_sleep.meaning':
		'Below average on recency, frequency and spend: they will drift away without a reason to return.',
	'segment.about_to_sleep.action':
		'Reconnect cheaply: popular products, useful content, a discount on a repeat order.',
	'segment.at_risk.meaning': 'Spent a lot and bought often, but a long time ago.',
	'segment.at_risk.action':
		'Reach out personally: tailored e-mails, a renewal offer, helpful resources.',
	'segment.cant_lose_them.meaning':
		'Made the biggest and frequent purchases, but have not come back for a long time.',
	'segment.cant_lose_them.action':
		'Win them back before a competitor does: call them, ask what changed, make a strong offer.',
	'segment.lost.meaning': 'Lowest recency, frequency and spend: most likely gone.',
	'segment.lost.action':
		'One low-cost reactivation campaign; otherwise stop spending on them.',
	'segment.shp_prospects.meaning': 'Known customers who have not placed an order yet.',
	'segment.shp_prospects.action': 'A welcome series with an incentive for the first order.',
	'segment.shp_champions.meaning': 'Bought very recently, buy often and spend the most.',
	'segment.shp_champions.action':
		'Reward them with VIP perks and early access; ask for reviews and referrals.',
	'segment.shp_loyal.meaning': 'Buy often and fairly recently.',
	'segment.shp_loyal.action':
		'Keep them close: loyalty rewards, upselling, personal recommendations.',
	'segment.shp_active.meaning': 'Bought recently and have placed a few orders.',
	'segment.shp_active.action':
		'Encourage the next order: cross-selling and replenishment reminders.',
	'segment.shp_new.meaning': 'Made a first purchase very recently.',
	'segment.shp_new.action':
		'Onboard them: a thank-you, how-to content and an offer for a second order.',
	'segment.shp_promising.meaning': 'Bought recently, one order so far.',
	'segment.shp_promising.action':
		'Show them the range and give a small incentive for a second order.',
	'segment.shp_needs_attention.meaning':
		'Bought a while ago and not often: interest is fading.',
	'segment.shp_needs_attention.action':
		'Time-limited offers based on what they bought before.',
	'segment.shp_previously_loyal.meaning':
		'Used to buy often and spend a lot, but not recently.',
	'segment.shp_previously_loyal.action':
		'Win them back personally: ask what changed and make an exclusive offer.',
	'segment.shp_at_risk.meaning': 'Bought fairly often and spent well, but long ago.',
	'segment.shp_at_risk.action':
		'A reactivation campaign with personal recommendations and an incentive.',
	'segment.shp_almost_lost.meaning': 'Have not bought for a long time.',
	'segment.shp_almost_lost.action': 'A last-chance win-back offer; then contact them less.',
	'segment.shp_dormant.meaning': 'The longest since their last purchase: inactive.',
	'segment.shp_dormant.action':
		'Low-cost contact only (newsletter), or leave them out of paid campaigns.',
	'segment.others.meaning': 'Customers that none of the rules matches.',
	'segment.others.action':
		'Check the rules: widen a range so they land in a segment, or look at them one by one.'
} satisfies Record<string, string>;

const zh: Record<keyof typeof en, string> = {
	'segment.champions.meaning': '最近买过、购买频繁、消费最高。',
	'segment.champions.action': '重点回馈：VIP 权益、新品抢先体验；邀请评价与推荐新客。',
	'segment.loyal_customers.meaning': '经常购买、消费可观，对促销有响应。',
	'segment.loyal_customers.action': '推荐更高价值的商品，邀请加入会员计划，邀请评价。',
	'segment.potential_loyalist.meaning': '近期客户，已多次购买且消费不低。',
	'segment.potential_loyalist.action': '提供会员或积分计划，推荐相关商品。',
	'segment.new_customers.meaning': '最近刚买过，但只买过一两次。',
	'segment.new_customers.action': '做好新客引导：欢迎信息、首次使用帮助、下一单优惠。',
	'segment.promising.meaning': '最近购买过，但消费还不多。',
	'segment.promising.action': '加深品牌认知：试用装、体验活动、小额复购激励。',
	'segment.need_attention.meaning': '购买次数和消费高于平均，但最近没有购买：兴趣在减退。',
	'segment.need_attention.action': '根据历史购买推送限时优惠，尽快把他们拉回来。',
	'segment.about_to_sleep.meaning': '最近消费、频次、金额都低于平均：没有理由就会慢慢离开。',
	'segment.about_to_sleep.action': '低成本重新联系：热销商品、实用内容、复购折扣。',
	'segment.at_risk.meaning': '曾经消费多、购买频繁，但已经很久没有购买。',
	'segment.at_risk.action': '一对一触达：个性化邮件、续购优惠、实用资料。',
	'segment.cant_lose_them.meaning': '曾有最大额且频繁的购买，但很久没有回来。',
	'segment.cant_lose_them.action': '抢在竞争对手之前挽回：电话联系，了解原因，给出有力的优惠。',
	'segment.lost.meaning': '最近消费、频次、金额都最低：很可能已经流失。',
	'segment.lost.action': '做一次低成本唤醒活动；否则不再投入。',
	'segment.shp_prospects.meaning': '已知但还没有下过单的客户。',
	'segment.shp_prospects.action': '欢迎系列触达，并给出首单激励。',
	'segment.shp_champions.meaning': '刚刚买过、购买频繁、消费最高。',
	'segment.shp_champions.action': '以 VIP 权益和抢先体验回馈；邀请评价与推荐新客。',
	'segment.shp_loyal.meaning': '购买频繁，且最近买过。',
	'segment.shp_loyal.action': '保持紧密联系：会员回馈、向上销售、个性化推荐。',
	'segment.shp_active.meaning': '最近买过，已有几笔订单。',
	'segment.shp_active.action': '促成下一单：交叉销售、补货提醒。',
	'segment.shp_new.meaning': '最近刚完成首次购买。',
	'segment.shp_new.action': '新客引导：致谢、使用指南、第二单优惠。',
	'segment.shp_promising.meaning': '最近买过，目前只有一笔订单。',
	'segment.shp_promising.action': '介绍更多商品，给出第二单的小额激励。',
	'segment.shp_needs_attention.meaning': '有一段时间没买、购买也不多：兴趣在减退。',
	'segment.shp_needs_attention.action': '根据其历史购买推送限时优惠。',
	'segment.shp_previously_loyal.meaning': '过去购买频繁、消费高，但最近没有购买。',
	'segment.shp_previously_loyal.action': '一对一挽回：了解变化的原因，给出专属优惠。',
	'segment.shp_at_risk.meaning': '曾经购买较多、消费不低，但已经很久。',
	'segment.shp_at_risk.action': '唤醒活动：个性化推荐加激励。',
	'segment.shp_almost_lost.meaning': '已经很长时间没有购买。',
	'segment.shp_almost_lost.action': '最后一次挽回优惠；之后降低触达频率。',
	'segment.shp_dormant.meaning': '距上次购买时间最长：处于沉睡状态。',
	'segment.shp_dormant.action': '只做低成本触达（如订阅邮件），或不再纳入付费投放。',
	'segment.others.meaning': '不符合任何一条规则的客户。',
	'segment.others.action': '检查规则：放宽某条规则的范围让他们归入分群，或逐一查看。'
};

export const segmentGuideMessages = { en, zh };
