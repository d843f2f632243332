import { describe, expect, it } from 'vitest';
import { linkSettings, type ProjectSettings } from '../../../../src/core/project/settings-spec.ts';
import { ALL_SPECS } from '../../../../src/settings-owner.ts';
import { REPORT_SETTINGS } from '../../../../src/views/report/settings.ts';

describe('the report’s settings in project files and links', () => {
	const saved: ProjectSettings = {
		report: { sections: ['summary', 'kpis'], lang: 'en', suppressK: 5, clientName: 'CLIENT-MARKER', commentary: { kpis: 'COMMENT-MARKER' }, preparedBy: 'AUTHOR-MARKER' }
	};

	it('is one of the page’s specs', () => {
		expect(ALL_SPECS).toContain(REPORT_SETTINGS);
	});

	it('a link carries the choices but never the client name, the author or the commentary', () => {
		const link = linkSettings(saved, ALL_SPECS);
		expect(link.report).toEqual({ sections: ['summary', 'kpis'], lang: 'en', suppressK: 5 });
		expect(JSON.stringify(link)).not.toMatch(/MARKER/);
	});

	it('the project file holds all of them (every field of the spec is a setting)', () => {
		expect([...REPORT_SETTINGS.fields].sort()).toEqual(Object.keys(saved.report!).sort());
	});
});
