import fs from 'node:fs';
import { loadNodeApi } from './bench/native-install.ts';
const eng = await loadNodeApi(() => {});
const inst = await eng.api.DuckDBInstance.create(':memory:', { threads: '1' });
const c = await inst.connect();
await c.run(fs.readFileSync(process.argv[2]!, 'utf8'));
