/**
 * DuckDB expressions and queries → Spark SQL 3.5, token by token, with DuckDB's semantics kept where
 * the two differ: NULLs sort last in both directions (Spark puts them first when ascending), round()
 * of a DOUBLE is DuckDB's round(x·10ⁿ)/10ⁿ (Spark rounds the decimal form HALF_UP), date_diff's
 * arguments swap into datediff(end, start), integer division `//` becomes `div`, regexp_replace
 * without 'g' replaces one match in DuckDB and all in Spark (only anchored patterns pass), string
 * literals escape backslashes (Spark unescapes them), regexp_full_match is anchored explicitly, and
 * strftime formats become datetime patterns. Anything not in these tables is refused (SparkRefusal).
 */
import { args, SparkRefusal, sparkIdent, sparkString, trimTokens, upper, type Token } from './spark-tokens.ts';

export interface SparkContext {
	/** A table's name in the script → the Spark view that holds it now. */
	views: Map<string, string>;
}

const TYPES: Record<string, string> = { VARCHAR: 'STRING', TEXT: 'STRING', HUGEINT: 'DECIMAL(38,0)', INTEGER: 'INT', INT: 'INT', BIGINT: 'BIGINT', DOUBLE: 'DOUBLE', BOOLEAN: 'BOOLEAN', DATE: 'DATE', TIMESTAMP: 'TIMESTAMP_NTZ' };
const SAME = new Set(['contains', 'replace', 'substring', 'trim', 'coalesce', 'nullif', 'max', 'min', 'sum', 'avg', 'count', 'abs', 'ascii', 'chr', 'ntile', 'row_number', 'bool_or', 'bool_and', 'lower', 'upper', 'isnan', 'greatest', 'least', 'make_date', 'year', 'month', 'day', 'ln', 'exp', 'sqrt', 'floor', 'ceil', 'percent_rank', 'cume_dist', 'rank', 'dense_rank', 'lag', 'lead', 'sign', 'stddev_samp', 'var_samp']);
const RENAMED: Record<string, string> = { starts_with: 'startswith', ends_with: 'endswith', strlen: 'octet_length', length: 'char_length', quantile_cont: 'percentile', arg_min: 'min_by', arg_max: 'max_by', pow: 'power', power: 'power' };
const STRFTIME: Record<string, string> = { '%Y': 'yyyy', '%m': 'MM', '%d': 'dd', '%H': 'HH', '%M': 'mm', '%S': 'ss', '%-m': 'M', '%-d': 'd' };
const STRPTIME: Record<string, string> = { '%Y': 'yyyy', '%m': 'M', '%d': 'd', '%H': 'H', '%M': 'm', '%S': 's', '%-m': 'M', '%-d': 'd', '%y': 'yy' };

/** A strftime/strptime format as a Spark datetime pattern (literal text quoted); unknown specifiers refused. */
export function sparkDatePattern(fmt: string, table: Record<string, string>): string {
	let out = '';
	for (const part of fmt.split(/(%-?.)/)) {
		if (part === '') continue;
		if (part.startsWith('%')) {
			const p = table[part];
			if (!p) throw new SparkRefusal(`the date format specifier ${part}`);
			out += p;
		} else out += /[A-Za-z']/.test(part) ? `'${part.replaceAll("'", "''")}'` : part;
	}
	return out;
}

const lit = (ts: Token[]): string | undefined => {
	const t = trimTokens(ts);
	return t.length === 1 && t[0]!.kind === 'str' ? t[0]!.value : undefined;
};

/** DuckDB's round(x, n) of a DOUBLE: round half away from zero of x·10ⁿ, then ÷ 10ⁿ. */
function duckRound(x: string, n: number): string {
	const s = `(abs(${x}) * 1e${n})`;
	return `(CASE WHEN ${s} - floor(${s}) >= 0.5 THEN ceil(${s}) ELSE floor(${s}) END * signum(${x}) / 1e${n})`;
}

function call(name: string, a: Token[][], ctx: SparkContext): string {
	const x = (i: number) => translate(a[i] ?? [], ctx);
	const all = () => a.map((_, i) => x(i)).join(', ');
	const n = name.toLowerCase();
	if (SAME.has(n)) return `${n}(${all()})`;
	if (RENAMED[n]) return `${RENAMED[n]}(${all()})`;
	switch (n) {
		case 'concat':
			return `concat_ws('', ${all()})`;
		case 'regexp_matches':
			if (a.length !== 2) break;
			return `(${x(0)} RLIKE ${x(1)})`;
		case 'regexp_full_match': {
			const p = lit(a[1] ?? []);
			if (a.length !== 2 || p === undefined) break;
			return `(${x(0)} RLIKE ${sparkString(`^(?:${p})$`)})`;
		}
		case 'regexp_replace': {
			const p = lit(a[1] ?? []);
			const r = lit(a[2] ?? []);
			const g = a.length === 4 && (lit(a[3]!) ?? '').includes('g');
			if (p === undefined || r === undefined || a.length > 4 || !(g || p.startsWith('^'))) break;
			return `regexp_replace(${x(0)}, ${sparkString(p)}, ${sparkString(r.replaceAll('$', '\\$').replace(/\\(\d)/g, '$$$1'))})`;
		}
		case 'isfinite':
			return `(NOT isnan(${x(0)}) AND abs(${x(0)}) <> double('Infinity'))`;
		case 'isinf':
			return `(abs(${x(0)}) = double('Infinity'))`;
		case 'trunc':
			if (a.length !== 1) break;
			return `(CASE WHEN ${x(0)} < 0 THEN ceil(${x(0)}) ELSE floor(${x(0)}) END)`;
		case 'round': {
			const d = a.length === 1 ? '0' : trimTokens(a[1]!).map((t) => t.text).join('');
			if (!/^\d+$/.test(d)) break;
			return duckRound(x(0), Number(d));
		}
		case 'date_diff': {
			const unit = lit(a[0] ?? []);
			if (unit === 'day') return `datediff(${x(2)}, ${x(1)})`;
			// DuckDB counts the boundaries crossed (Spark's months_between is fractional)
			if (unit === 'month') return `((year(${x(2)}) - year(${x(1)})) * 12 + month(${x(2)}) - month(${x(1)}))`;
			if (unit === 'year') return `(year(${x(2)}) - year(${x(1)}))`;
			break;
		}
		case 'date_trunc': {
			const unit = lit(a[0] ?? []);
			if (a.length !== 2 || !['month', 'year', 'quarter', 'week', 'day'].includes(unit ?? '')) break;
			return `date_trunc(${sparkString(unit!.toUpperCase())}, ${x(1)})`;
		}
		case 'try_strptime':
		case 'strftime': {
			const f = lit(a[1] ?? []);
			if (f === undefined || a.length !== 2) break;
			return n === 'strftime' ? `date_format(${x(0)}, ${sparkString(sparkDatePattern(f, STRFTIME))})` : `try_to_timestamp(${x(0)}, ${sparkString(sparkDatePattern(f, STRPTIME))})`;
		}
	}
	throw new SparkRefusal(`the DuckDB function ${name}() as called here`);
}

/** CAST / TRY_CAST (expr AS type). */
function cast(fn: string, a: Token[], ctx: SparkContext): string {
	const t = trimTokens(a);
	const as = t.map((x) => upper(x)).lastIndexOf('AS');
	const type = t.slice(as + 1).filter((x) => x.kind !== 'space').map((x) => x.text).join('').toUpperCase();
	const mapped = TYPES[type] ?? (/^DECIMAL\(\d+,\d+\)$/.test(type) ? type : undefined);
	if (as < 0 || !mapped) throw new SparkRefusal(`a cast to ${type || '?'}`);
	return `${fn.toLowerCase()}(${translate(t.slice(0, as), ctx)} AS ${mapped})`;
}

const ORDER_END = new Set(['LIMIT', 'OFFSET', 'ROWS', 'RANGE', 'QUALIFY', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'FETCH']);

/**
 * A GLOB pattern as an anchored regular expression: [..] and [!..] classes, * and ?, other characters
 * literal. Patterns with a backslash or a class starting with ^ are refused (GLOB and Java differ there).
 */
export function globRegex(p: string): string {
	if (p.includes('\\')) throw new SparkRefusal('a GLOB pattern with a backslash');
	let out = '';
	for (let i = 0; i < p.length; i++) {
		const c = p[i]!;
		const close = c === '[' ? p.indexOf(']', i + 2) : -1;
		if (c === '[' && close < 0) throw new SparkRefusal('a GLOB pattern with an unclosed [');
		if (close > 0) {
			const body = p.slice(i + 1, close);
			if (body.startsWith('^') || body.includes('[')) throw new SparkRefusal(`the GLOB class [${body}]`);
			out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
			i = close;
		} else out += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]/-]/g, '\\$&');
	}
	return `^${out}$`;
}

/** Translates a token range. */
export function translate(t: readonly Token[], ctx: SparkContext): string {
	let out = '';
	let prevWord = '';
	let orderDepth = -1; // paren depth of an ORDER BY list being read
	let depth = 0;
	let itemNulls = false;
	const endItem = () => {
		if (orderDepth >= 0 && !itemNulls) out = out.replace(/\s*$/, (s) => ` NULLS LAST${s}`);
		itemNulls = false;
	};
	for (let i = 0; i < t.length; i++) {
		const x = t[i]!;
		const next = t.slice(i + 1).find((y) => y.kind !== 'space');
		if (orderDepth >= 0 && depth === orderDepth && (x.text === ')' || x.text === ',' || ORDER_END.has(upper(x)))) {
			endItem();
			if (x.text !== ',') orderDepth = -1;
		}
		if (x.kind === 'space') {
			out += x.text;
			continue;
		}
		if (x.text === '(') depth++;
		if (x.text === ')') depth--;
		const w = upper(x);
		if (w === 'NULLS') itemNulls = true;
		if (w === 'BY' && prevWord === 'ORDER') {
			orderDepth = depth;
			out += x.text;
		} else if (x.kind === 'str') {
			if (next?.text === '::') {
				const type = t.slice(i + 1).filter((y) => y.kind !== 'space')[1];
				const mapped = TYPES[upper(type)];
				if (!mapped) throw new SparkRefusal(`a cast to ${type?.text ?? '?'}`);
				out += `CAST(${sparkString(x.value!)} AS ${mapped})`;
				i = t.indexOf(type!);
			} else out += sparkString(x.value!);
		} else if (x.kind === 'ident' || (x.kind === 'word' && (prevWord === 'FROM' || prevWord === 'JOIN') && ctx.views.has(x.text))) {
			const name = x.value ?? x.text;
			out += (prevWord === 'FROM' || prevWord === 'JOIN') && ctx.views.has(name) ? sparkIdent(ctx.views.get(name)!) : sparkIdent(name);
		} else if (x.kind === 'word' && next?.text === '(' && !['IN', 'AS', 'OVER', 'FILTER', 'AND', 'OR', 'NOT', 'THEN', 'ELSE', 'WHEN', 'EXISTS', 'ON', 'USING', 'FROM', 'JOIN', 'SELECT', 'WHERE', 'BY', 'INTO', 'VALUES'].includes(w)) {
			const open = t.indexOf(next);
			const { list, end } = args(t, open);
			out += w === 'CAST' || w === 'TRY_CAST' ? cast(w, t.slice(open + 1, end), ctx) : call(x.text, list, ctx);
			depth += 0;
			i = end;
		} else if (w === 'GLOB') {
			// `x GLOB 'p'` → `x RLIKE '^…$'`: Spark has no GLOB; the pattern's [classes], * and ? as a regular expression.
			const p = next?.kind === 'str' ? next.value! : undefined;
			if (p === undefined) throw new SparkRefusal('GLOB with a pattern that is not a literal');
			out += `RLIKE ${sparkString(globRegex(p))}`;
			i = t.indexOf(next!);
		} else if (x.text === '//') out += ' div ';
		else if (x.text === '::' || x.text === '->' || x.text === '->>' || x.text === '[' || x.text === '{') throw new SparkRefusal(`the DuckDB operator ${x.text}`);
		else if (w === 'ALL' && prevWord === 'BY') throw new SparkRefusal('GROUP BY ALL');
		else if (w === 'QUALIFY' || w === 'EXCLUDE' || w === 'COLUMNS') throw new SparkRefusal(w);
		else if (w === 'ROWID') out += '`__rowid`';
		else out += x.text;
		if (x.kind === 'word') prevWord = w;
		else if (x.text !== '(') prevWord = x.text === ',' && (prevWord === 'FROM' || prevWord === 'JOIN') ? prevWord : '';
	}
	if (orderDepth >= 0) endItem();
	return out;
}
