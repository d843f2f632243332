import { NodeDbClient } from '/work/wt-pivot/src/db/node.ts';
import { raw, sql } from '/work/wt-pivot/src/core/sql/sql.ts';
const db = await NodeDbClient.create();
await db.exec(sql`CREATE TABLE big AS SELECT 'C' || CAST(i % 50000 AS VARCHAR) AS cust, ['上海','北京','广州','深圳','杭州','成都','武汉','南京'][1 + (i % 8)] AS city, ['App','门店','小程序','电话'][1 + ((i // 8) % 4)] AS channel, ['奶茶','咖啡','零食','果汁','面包','甜品'][1 + ((i * 7) % 6)] AS cat, CAST((i * 37) % 1000 AS DOUBLE) / 10 AS amount FROM range(1000000) r(i)`);
const qs: [string, string][] = [
 ['plain group', `SELECT city, channel, count(*), sum(amount) FROM big GROUP BY ALL`],
 ['trim group', `SELECT NULLIF(trim(city),'') c, NULLIF(trim(channel),'') d, count(*), sum(amount) FROM big GROUP BY ALL`],
 ['grouping sets 4', `SELECT city, channel, count(*), sum(amount) FROM big GROUP BY GROUPING SETS ((city,channel),(city),(channel),())`],
 ['trim gs 4', `WITH s AS (SELECT NULLIF(trim(city),'') c, NULLIF(trim(channel),'') d, amount FROM big) SELECT c, d, count(*), sum(amount) FROM s GROUP BY GROUPING SETS ((c,d),(c),(d),())`],
 ['distinct keys', `SELECT DISTINCT NULLIF(trim(channel),'') FROM big`],
];
for (const [n, q] of qs) { const t: number[] = []; for (let k = 0; k < 5; k++) { const t0 = performance.now(); await db.query(raw(q)); t.push(performance.now() - t0); } t.sort((a,b)=>a-b); console.log(n, t.map((x) => x.toFixed(0)).join(' ')); }
await db.close();
