/** A value made on its first ask, then kept: a model that only some users of the page need. */
export function lazy<T>(make: () => T): () => T {
	let made: { value: T } | null = null;
	return () => (made ??= { value: make() }).value;
}
