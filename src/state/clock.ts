/** The page's clock: views and models read the day here (injectable in tests); SQL builders never do. */
export function today(): Date {
	return new Date();
}
