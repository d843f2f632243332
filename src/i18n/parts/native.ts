/**
 * Messages of the native engine (`--engine native`, issue 17): installing it on demand.
 * en.ts and zh-CN.ts assemble the parts; `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'native.install':
		'--engine native: the native engine ({spec}) is not installed and could not be installed now ({reason}). Install it once by hand (this needs access to the npm registry): {command} — then run the command again. The folder can be changed with the environment variable CLIENTELE_NATIVE_DIR; without --engine native the built-in engine is used.',
	'native.installing': 'installing the native engine {spec} into {dir} (once; it is kept there for later runs) …'
};

const zh: Record<keyof typeof en, string> = {
	'native.install':
		'--engine native：原生引擎（{spec}）尚未安装，现在也无法安装（{reason}）。请手动安装一次（需要能访问 npm 仓库）：{command} ——然后重新运行命令。安装目录可用环境变量 CLIENTELE_NATIVE_DIR 更改；不加 --engine native 时使用内置引擎。',
	'native.installing': '正在把原生引擎 {spec} 安装到 {dir}（只需一次，之后的运行会直接使用）……'
};

export const nativeMessages = { en, zh };
