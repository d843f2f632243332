import { describe, expect, it } from 'vitest';
import {
	gammaSign,
	hyp2f1,
	hyp2f1WithComplement,
	interpolateAcross,
	lnBeta,
	lnGamma,
	logAddExp,
	logSumExp
} from '../../../../src/core/clv/special.ts';

const relErr = (got: number, want: number): number =>
	want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);

describe('lnGamma', () => {
	const cases: [number, number][] = [
		[0.5, 0.5 * Math.log(Math.PI)],
		[1, 0],
		[2, 0],
		[1.5, Math.log(Math.sqrt(Math.PI) / 2)],
		[3, Math.log(2)],
		[10, Math.log(362880)],
		[20, Math.log(121645100408832000)],
		[100, 359.1342053695754],
		[1e-8, 18.420680738180209], // −ln ε − γε
		[-0.5, Math.log(2 * Math.sqrt(Math.PI))],
		[-1.5, Math.log((4 * Math.sqrt(Math.PI)) / 3)]
	];
	it.each(cases)('lnGamma(%s)', (x, want) => {
		const got = lnGamma(x);
		if (want === 0) expect(Math.abs(got)).toBeLessThan(1e-14);
		else expect(relErr(got, want)).toBeLessThan(1e-14);
	});

	it('has poles at non-positive integers and signs from the reflection formula', () => {
		expect(lnGamma(0)).toBe(Infinity);
		expect(lnGamma(-3)).toBe(Infinity);
		expect([
			gammaSign(2.5),
			gammaSign(-0.5),
			gammaSign(-1.5),
			gammaSign(-2.5),
			gammaSign(-2)
		]).toEqual([1, -1, 1, -1, 0]);
	});

	it('lnBeta matches factorial ratios', () => {
		expect(relErr(lnBeta(2, 3), Math.log(1 / 12))).toBeLessThan(1e-14);
		expect(relErr(lnBeta(0.5, 0.5), Math.log(Math.PI))).toBeLessThan(1e-14);
	});
});

describe('logSumExp / logAddExp', () => {
	it.each([
		[[1000, 1000], 1000 + Math.log(2)],
		[[-1000, -1000, -1000], -1000 + Math.log(3)],
		[[0, Math.log(3)], Math.log(4)],
		[[-Infinity, 2], 2]
	])('logSumExp(%j)', (values, want) => {
		expect(logSumExp(values)).toBeCloseTo(want, 12);
	});
	it('handles empty input and −Infinity', () => {
		expect(logSumExp([])).toBe(-Infinity);
		expect(logAddExp(-Infinity, 5)).toBe(5);
		expect(logAddExp(800, 800)).toBeCloseTo(800 + Math.log(2), 12);
	});
});

describe('hyp2f1 against closed forms', () => {
	const zs = [0.1, 0.5, 0.6, 0.75, 0.9, 0.99, 0.999999, -0.5, -3, -100];
	const forms: [string, (z: number) => number, (z: number) => number][] = [
		// c − a − b = 0: the degenerate case of the 1 − z transformation
		['2F1(1,1;2;z) = −ln(1−z)/z', (z) => hyp2f1(1, 1, 2, z), (z) => -Math.log1p(-z) / z],
		// c − a − b = 1
		[
			'2F1(1,1;3;z) = 2((1−z)ln(1−z) + z)/z²',
			(z) => hyp2f1(1, 1, 3, z),
			(z) => (2 * ((1 - z) * Math.log1p(-z) + z)) / (z * z)
		],
		// c − a − b = −1
		['2F1(1,2;2;z) = 1/(1−z)', (z) => hyp2f1(1, 2, 2, z), (z) => 1 / (1 - z)],
		['2F1(0.7,2.3;2.3;z) = (1−z)^−0.7', (z) => hyp2f1(0.7, 2.3, 2.3, z), (z) => (1 - z) ** -0.7],
		['2F1(3,2.5;2.5;z) = (1−z)^−3', (z) => hyp2f1(3, 2.5, 2.5, z), (z) => (1 - z) ** -3],
		[
			'2F1(½,½;3/2;z) = asin(√z)/√z',
			(z) => hyp2f1(0.5, 0.5, 1.5, z),
			(z) =>
				z > 0 ? Math.asin(Math.sqrt(z)) / Math.sqrt(z) : Math.asinh(Math.sqrt(-z)) / Math.sqrt(-z)
		],
		[
			'2F1(−2,b;c;z) polynomial',
			(z) => hyp2f1(-2, 1.3, 2.7, z),
			(z) => 1 - (2 * 1.3 * z) / 2.7 + (1.3 * 2.3 * z * z) / (2.7 * 3.7)
		]
	];
	for (const [name, got, want] of forms) {
		it.each(zs)(`${name} at z=%s`, (z) => {
			expect(relErr(got(z), want(z))).toBeLessThan(1e-10);
		});
	}

	it('2F1(a, 1−a; 3/2; sin²x) = sin((2a−1)x)/((2a−1) sin x)', () => {
		for (const x of [0.3, 1, 1.4, 1.5707]) {
			const a = 0.3;
			const want = Math.sin((2 * a - 1) * x) / ((2 * a - 1) * Math.sin(x));
			expect(relErr(hyp2f1(a, 1 - a, 1.5, Math.sin(x) ** 2), want)).toBeLessThan(1e-10);
		}
	});

	it('approaches Gauss’s sum at z → 1 when c − a − b > 0', () => {
		const [a, b, c] = [0.4, 1.3, 2.9];
		const gauss = Math.exp(lnGamma(c) + lnGamma(c - a - b) - lnGamma(c - a) - lnGamma(c - b));
		expect(relErr(hyp2f1WithComplement(a, b, c, 1 - 1e-13, 1e-13), gauss)).toBeLessThan(1e-9);
	});

	it('uses the exact complement when given', () => {
		const w = 1e-12;
		expect(relErr(hyp2f1WithComplement(1, 1, 2, 1 - w, w), -Math.log(w))).toBeLessThan(1e-9);
	});

	it.each([
		['c = 0', () => hyp2f1(1, 1, 0, 0.5), /c = 0/],
		['c = −2', () => hyp2f1(1, 1, -2, 0.5), /c = -2/],
		['z = 1', () => hyp2f1(1, 1, 2, 1), /z=1/],
		['z = NaN', () => hyp2f1(1, 1, 2, NaN), /z must be finite, got NaN/]
	])('rejects %s', (_name, call, message) => {
		expect(call).toThrow(message);
	});
});

describe('interpolateAcross', () => {
	it('is exact for cubics', () => {
		const f = (x: number): number => 1 + 2 * x - 3 * x * x + 0.5 * x ** 3;
		expect(interpolateAcross(f, 0.3, 1)).toBeCloseTo(f(0.3), 12);
	});
});
