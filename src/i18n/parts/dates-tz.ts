/** Catalogue part: English and 简体中文 (same keys; type-checked). Merged into en.ts / zh-CN.ts. */
export const datesTzEn = {};

export const datesTzZh: Record<keyof typeof datesTzEn, string> = {};
