/**
 * try_strptime over a list of formats, each value sent only to the formats that could read it (issue 17).
 * DuckDB tries a list in order and each failed format costs ≈ 5–10 µs a cell in DuckDB-WASM, so a column
 * mixing `06/05/2023 14:23:11` and `06/05/2023 14:23` paid one failed parse per cell before. Here cheap
 * tests on the value (contains, LIKE: in DuckDB-WASM ≈ 35 and 55 ns a cell, where GLOB '*:*:*' took ≈ 120
 * ns and a strptime that reads the value ≈ 120 ns) pick a branch; each branch keeps the formats that pass its test, in
 * the list's order (a subsequence), so the first format that reads a value is the one the list gave.
 * The tests are necessary conditions: a format reads a value only if the value passes the format's side
 * of every test. strptime's literals must match the value character for character (a space matches a run
 * of whitespace) and %Y %m %d %H %M %S %f read digits and %z ±HH[:MM], so a value's ':', 'T' and '.'
 * are exactly the format's:
 * - a time (%H:%M) ⇔ the value has a ':';
 * - the 'T' separator ⇔ the value has a 'T';
 * - seconds (%M:%S) ⇔ two ':' (with %z, whose '+08:00' adds one: ':' two characters ':', the minutes
 *   being two digits in the shape);
 * - a fraction (.%f after the seconds) ⇔ a '.' after a ':';
 * - ' %z' (a space before the offset, `… 19:01:38 -0500`) ⇔ a space just before a sign.
 * With %z the tests read the value before Z becomes +00:00 and the last two hold on what the shape check
 * (core/csv/dates.ts dateShape) lets through — two-digit minutes, spaces only — which every caller checks
 * first (parse.ts dateOf); without %z they hold for any value.
 * Equivalence is checked on generated values for every label and format list the detection writes
 * (test/unit/core/sql/date-dispatch.test.ts).
 */
import { join, lit, sql, type Sql } from './sql.ts';

interface Key {
	time: boolean;
	t: boolean;
	spaceZ: boolean;
	seconds: boolean;
	fraction: boolean;
}

/** The formats the tests are sound for: a date of %Y %m %d and literals without ':', 'T', '%' or whitespace, then an optional time and offset. */
const FORMAT = /^((?:[^:T%\s]|%[Ymd])+)(?:([T ])%H:%M(:%S(\.%f)?)?( ?%z)?)?$/;

function keyOf(f: string): Key | null {
	const m = FORMAT.exec(f);
	if (!m) return null;
	return { time: m[2] !== undefined, t: m[2] === 'T', spaceZ: m[5] === ' %z', seconds: m[3] !== undefined, fraction: m[4] !== undefined };
}

type Test = [keyof Key, (v: Sql) => Sql];

/**
 * The tests in the order the tree asks them. `zoned`: the formats end in %z (the value tested still has
 * its Z). `dotDate`: a date part with a '.' (DD.MM.YYYY), where a fraction is a '.' after a ':'.
 */
function tests(zoned: boolean, dotDate: boolean): Test[] {
	return [
		['time', (v) => sql`contains(${v}, ':')`],
		['t', (v) => sql`contains(${v}, 'T')`],
		['spaceZ', (v) => sql`(contains(${v}, ' +') OR contains(${v}, ' -'))`],
		['seconds', (v) => (zoned ? sql`${v} LIKE '%:__:%'` : sql`${v} LIKE '%:%:%'`)],
		['fraction', (v) => (dotDate ? sql`${v} LIKE '%:%.%'` : sql`contains(${v}, '.')`)]
	];
}

const call = (v: Sql, formats: readonly string[]): Sql =>
	sql`try_strptime(${v}, ${formats.length === 1 ? lit(formats[0]!) : sql`[${join(formats.map((s) => lit(s)))}]`})`;

/**
 * try_strptime(v, formats) with each value tried on the formats its tests leave. One format, or a list
 * the tests are not sound for (a format outside FORMAT, zoned and plain mixed): the plain call.
 * The tests read `v` (named several times: pass a column or a short expression); the formats read
 * `parsed` (default `v`; with %z, `v` with Z made +00:00), once per row.
 */
export function strptimeOf(v: Sql, formats: readonly string[], parsed: Sql = v): Sql {
	const keys = formats.map(keyOf);
	const zoned = formats.map((f) => f.endsWith('%z'));
	if (formats.length < 2 || keys.some((k) => !k) || zoned.some((z) => z !== zoned[0])) return call(parsed, formats);
	const dotDate = formats.some((f) => f.split(/[T ]%H/)[0]!.includes('.'));
	const items = formats.map((f, i) => ({ f, k: keys[i]! }));
	return branch(v, parsed, items, tests(zoned[0]!, dotDate));
}

/** The tree: a test asked only when formats sit on both of its sides; a leaf calls its formats in list order. */
function branch(v: Sql, parsed: Sql, items: readonly { f: string; k: Key }[], rest: readonly Test[]): Sql {
	if (rest.length === 0) return call(parsed, items.map((x) => x.f));
	const [name, test] = rest[0]!;
	const more = rest.slice(1);
	const yes = items.filter((x) => x.k[name]);
	const no = items.filter((x) => !x.k[name]);
	if (!yes.length || !no.length) return branch(v, parsed, items, more);
	return sql`(CASE WHEN ${test(v)} THEN ${branch(v, parsed, yes, more)} ELSE ${branch(v, parsed, no, more)} END)`;
}
