import type { ScriptHeader } from './duckdb.ts';
import type { PipelineStep } from './pipeline.ts';

export function renderSpark(_h: ScriptHeader, _steps: readonly PipelineStep[], _lines: string): string {
	throw new Error('not yet');
}
