/**
 * What the grade view may grade on besides RFM, read from app state (reactive): a mapped cost
 * column, the CLV table of the current RFM run, the survey answers with a customer id, and the
 * profile table (客户档案, loaded on the datasets tab): its numeric columns can be indicators.
 */
import { datasets } from '../../state/datasets.svelte.ts';
import { quadrantTableFresh } from '../../state/customer-tables.svelte.ts';
import { profiles } from '../../state/profiles.svelte.ts';
import { session } from '../../state/session.svelte.ts';
import { RAW_SURVEYS, VALUE_MATRIX_TABLE } from '../../run/tables.ts';
import type { PageSources } from './grade-model.svelte.ts';

export function pageSources(): PageSources {
	const s = datasets.surveys;
	const r = s.roles;
	const answer = (role: 'nps' | 'csat') => (r[role] ? { column: r[role], format: s.column(role)?.number?.format } : undefined);
	const surveys =
		s.ready && r.customer && (r.nps || r.csat)
			? { table: RAW_SURVEYS, customer: r.customer, date: r.date ? { column: r.date, format: s.dateFormat() } : undefined, recommend: answer('nps'), csat: answer('csat') }
			: null;
	// The value view computes the matrix right after fitting CLV: a current matrix means a current CLV table.
	return { cost: Boolean(session.mapping?.roles.cost), clv: quadrantTableFresh(VALUE_MATRIX_TABLE), surveys, profiles: profiles.ready };
}
