/** A two-column flow (sankey-like) layout as a pure function: stacked bars left and right, bands between. */

export interface FlowInput {
	from: string;
	to: string;
	value: number;
}

export interface FlowNode {
	side: 'from' | 'to';
	id: string;
	value: number;
	y0: number;
	y1: number;
}

export interface FlowLink {
	from: string;
	to: string;
	value: number;
	/** Band edges where it leaves the left node … */
	sy0: number;
	sy1: number;
	/** … and where it enters the right node. */
	ty0: number;
	ty1: number;
}

export interface FlowLayout {
	nodes: FlowNode[];
	links: FlowLink[];
	/** Pixels per unit of value (the same on both sides). */
	scale: number;
}

/**
 * Lays out both columns top to bottom in the given orders (ids missing from an order go last, in
 * first-seen order), `gap` pixels between nodes, one scale for both columns so a band keeps its
 * width. Inside a node, bands are ordered by the other side's order, so they do not cross there.
 */
export function flowLayout(flows: readonly FlowInput[], o: { fromOrder: readonly string[]; toOrder: readonly string[]; height: number; gap?: number }): FlowLayout {
	const gap = o.gap ?? 8;
	const live = flows.filter((f) => f.value > 0);
	const order = (given: readonly string[], seen: readonly string[]) => {
		const used = new Set(seen);
		const out = given.filter((id) => used.has(id));
		for (const id of seen) if (!out.includes(id)) out.push(id);
		return out;
	};
	const fromIds = order(o.fromOrder, live.map((f) => f.from));
	const toIds = order(o.toOrder, live.map((f) => f.to));
	const total = live.reduce((a, f) => a + f.value, 0);
	if (total === 0) return { nodes: [], links: [], scale: 0 };
	const room = (n: number) => Math.max(0, o.height - gap * (n - 1));
	const scale = Math.min(room(fromIds.length), room(toIds.length)) / total;
	const stack = (side: 'from' | 'to', ids: readonly string[]) => {
		let y = 0;
		return ids.map((id): FlowNode => {
			const value = live.filter((f) => f[side] === id).reduce((a, f) => a + f.value, 0);
			const node = { side, id, value, y0: y, y1: y + value * scale };
			y = node.y1 + gap;
			return node;
		});
	};
	const nodes = [...stack('from', fromIds), ...stack('to', toIds)];
	const at = (side: 'from' | 'to', id: string) => nodes.find((n) => n.side === side && n.id === id)!;
	const rank = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i]));
	const fromRank = rank(fromIds);
	const toRank = rank(toIds);
	const sorted = [...live].sort((a, b) => fromRank.get(a.from)! - fromRank.get(b.from)! || toRank.get(a.to)! - toRank.get(b.to)!);
	const outY = new Map(fromIds.map((id) => [id, at('from', id).y0]));
	const inY = new Map(toIds.map((id) => [id, at('to', id).y0]));
	const links = sorted.map((f) => ({ from: f.from, to: f.to, value: f.value, sy0: 0, sy1: 0, ty0: 0, ty1: 0 }));
	for (const l of links) {
		const h = l.value * scale;
		l.sy0 = outY.get(l.from)!;
		l.sy1 = l.sy0 + h;
		outY.set(l.from, l.sy1);
	}
	// Entering a right node, bands come in the left column's order.
	for (const l of [...links].sort((a, b) => toRank.get(a.to)! - toRank.get(b.to)! || fromRank.get(a.from)! - fromRank.get(b.from)!)) {
		l.ty0 = inY.get(l.to)!;
		l.ty1 = l.ty0 + l.value * scale;
		inY.set(l.to, l.ty1);
	}
	return { nodes, links, scale };
}
