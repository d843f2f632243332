/** Catalogue part: English and 简体中文 (same keys; type-checked). Merged into en.ts / zh-CN.ts. */
export const perfEn = {};

export const perfZh: Record<keyof typeof perfEn, string> = {};
