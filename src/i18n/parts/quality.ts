/** Catalogue part: English and 简体中文 (same keys; type-checked). Merged into en.ts / zh-CN.ts. */
export const qualityEn = {} as const satisfies Record<string, string>;

export const qualityZh: Record<keyof typeof qualityEn, string> = {};
