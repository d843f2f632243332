/**
 * Messages of the sample's two twins (public/sample/ and public/sample/en/, state/sample.ts): the
 * note shown when the loaded sample is in the other language. en.ts and zh-CN.ts assemble the parts.
 */
const en = {
	'sample.otherLang': 'The sample was loaded in Chinese: its categories, channels, cities and touchpoints are in Chinese.',
	'sample.reload': 'Load the English sample'
};

const zh: Record<keyof typeof en, string> = {
	'sample.otherLang': '示例数据是以英文加载的：商品类别、渠道、城市和触点都是英文。',
	'sample.reload': '加载中文示例数据'
};

export const sampleMessages = { en, zh };
