import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { defaultDims } from '../../../src/core/rfm/settings.ts';
import { newProject } from '../../../src/core/project/format.ts';
import { writeProjectFile } from '../../../src/core/project/project-file.ts';
import { PRESETS } from '../../../src/core/segments/presets.ts';
import { attachWindow } from '../../../src/settings-owner.ts';
import { attachSettings, currentSettings } from '../../../src/state/project-settings.ts';
import { analysisWindow } from '../../../src/state/window.svelte.ts';
import { ImportModel } from '../../../src/views/import/import-model.svelte.ts';
import { IMPORT_SETTINGS } from '../../../src/views/import/settings.ts';
import { RfmModel } from '../../../src/views/rfm/rfm-model.svelte.ts';
import { RFM_SETTINGS } from '../../../src/views/rfm/settings.ts';
import { fixture, useDb, useTmpDir } from '../../helpers/db.ts';

const ORDERS = fixture('rfm_r', 'rfm_data_orders.csv');
const db = useDb();
const tmp = useTmpDir('clientele-project-cli-');

async function rfm(args: string[]): Promise<string> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await rfmCommand([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8');
}

describe('--project FILE (a project saved by the page code)', () => {
	it('gives the same output as the equivalent flags; explicit flags win', async () => {
		// The page's models, set as a user would, snapshotted through the page's settings registry.
		const imp = new ImportModel();
		imp.roles = { customer: 'customer_id', date: 'order_date', amount: 'revenue' };
		imp.timeZone = 'UTC';
		const model = new RfmModel(db);
		model.dims = defaultDims('median');
		model.monetary = 'average';
		model.presetId = 'cn8';
		model.set = PRESETS.cn8;
		analysisWindow.setDefaults({ start: '2004-12-31', asOf: '2007-01-01' });
		analysisWindow.apply({ asOf: '2006-12-31' });
		attachSettings(IMPORT_SETTINGS, imp);
		attachSettings(RFM_SETTINGS, model);
		attachWindow();
		const settings = currentSettings();
		expect(settings.window).toEqual({ start: 'default', asOf: '2006-12-31' });
		const file = path.join(tmp(), 'month.clientele');
		fs.writeFileSync(file, await writeProjectFile(newProject(settings, ['customer_id', 'order_date', 'revenue'], '')));

		const flags = ['--input', ORDERS, '--customer', 'customer_id', '--date', 'order_date', '--amount', 'revenue', '--tz', 'UTC', '--as-of', '2006-12-31'];
		const byFlags = await rfm([...flags, '--method', 'median', '--monetary', 'average', '--segments', 'cn8']);
		const byProject = await rfm(['--input', ORDERS, '--project', file]);
		expect(byProject).toBe(byFlags);
		// The project changed something: the defaults give another table.
		expect(await rfm(flags)).not.toBe(byFlags);
		// An explicit flag overrides the project's.
		const total = await rfm(['--input', ORDERS, '--project', file, '--monetary', 'total']);
		expect(total).toBe(await rfm([...flags, '--method', 'median', '--monetary', 'total', '--segments', 'cn8']));
		expect(total).not.toBe(byFlags);
	});

	it('a file that is not a project stops with the translated message (exit 2 path)', async () => {
		const bad = path.join(tmp(), 'bad.clientele');
		fs.writeFileSync(bad, 'not a zip');
		await expect(rfm(['--input', ORDERS, '--project', bad])).rejects.toMatchObject({ code: 'projectFile.notProject' });
	});
});
