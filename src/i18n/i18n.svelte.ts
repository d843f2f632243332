import { translate, type Lang, type Translate } from './translate.ts';

const KEY = 'clientele.lang';

function initialLang(): Lang {
	const url = new URLSearchParams(location.search).get('lang');
	if (url === 'en' || url === 'zh-CN') return url;
	try {
		const saved = localStorage.getItem(KEY);
		if (saved === 'en' || saved === 'zh-CN') return saved;
	} catch {
		/* storage blocked: fall through */
	}
	return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The UI language; components read `i18n.t(key, params)` so they re-render on a switch. */
class I18n {
	lang = $state<Lang>(initialLang());

	t: Translate = (key, params) => translate(this.lang, key, params);

	set(lang: Lang): void {
		this.lang = lang;
		document.documentElement.lang = lang;
		try {
			localStorage.setItem(KEY, lang);
		} catch {
			/* private mode: the choice lasts for this page only */
		}
	}
}

export const i18n = new I18n();
