/** Catalogue part: English and 简体中文 (same keys; type-checked). Merged into en.ts / zh-CN.ts. */
export const abcEn = {} as const satisfies Record<string, string>;

export const abcZh: Record<keyof typeof abcEn, string> = {};
