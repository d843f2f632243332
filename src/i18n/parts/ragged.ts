/** Catalogue part: English and 简体中文 (same keys; type-checked). Merged into en.ts / zh-CN.ts. */
export const raggedEn = {};

export const raggedZh: Record<keyof typeof raggedEn, string> = {};
