/** Catalogue part: English and 简体中文 (same keys; type-checked). Merged into en.ts / zh-CN.ts. */
export const rfmUiEn = {} as const satisfies Record<string, string>;

export const rfmUiZh: Record<keyof typeof rfmUiEn, string> = {};
