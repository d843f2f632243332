import { NodeDbClient } from './src/db/node.ts';
import { openFile } from './src/run/open-file.ts';
import { NODE_FILES } from './src/cli/io.ts';
import { applyMapping } from './src/run/stage.ts';
import { mappingFor } from './src/core/import/mapping.ts';
const db = await NodeDbClient.create();
for (const p of ['jd','pdd','douyin','youzan','wechat','shopify','woocommerce']) {
const o = await openFile(db, `test/fixtures/platforms/${p}.csv`, {}, NODE_FILES);
const r = await applyMapping(db, o!.file, mappingFor(o!.file.sniff, o!.file.guess));
console.log(p, o!.file.preset, JSON.stringify(o!.file.guess), r.errors.map(e=>e.code), r.warnings.map(e=>e.code+JSON.stringify(e.params)), r.txRows, JSON.stringify({...r.orders, statuses: r.orders?.statuses?.map(s=>`${s.value}:${s.rows}:${s.excluded?'x':''}${s.unknown?'?':''}`)}));
}
await db.close();
