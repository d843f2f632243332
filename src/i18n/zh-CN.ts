import { en, PARTS } from './en.ts';

/**
 * 简体中文目录：由与英文相同的各片段（src/i18n/parts）组装。每个片段的 zh 与其 en 键一一对应
 * （片段内的类型检查保证不缺键），catalogues.test.ts 再检查整体两种语言键相同。
 */
export const zhCN: Record<keyof typeof en, string> = Object.assign({}, ...PARTS.map((p) => p.zh));
