/**
 * Plot names its marks with aria-label on <g> elements; ARIA prohibits a name on an element without a
 * role (axe: aria-prohibited-attr). Each named group gets role="group", so the names stay readable.
 */
export function roleNamedGroups(root: Element): Element {
	for (const g of root.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
	if (root.matches('g[aria-label]:not([role])')) root.setAttribute('role', 'group');
	// (the observer in PlotFigure calls this again for what Plot adds later, such as a tip)
	return root;
}
