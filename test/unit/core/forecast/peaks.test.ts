import { describe, expect, it } from 'vitest';
import { agentsNeeded, peaksAndTroughs } from '../../../../src/core/forecast/peaks.ts';
import { fittedSpan, periodStart, shiftPeriod } from '../../../../src/core/forecast/periods.ts';

describe('peaks and the staffing hint', () => {
	it('agents = contacts per day ÷ contacts per agent per day, rounded up', () => {
		// 700 calls in a week = 100 a day; 40 per agent per day → 2.5 → 3 agents
		expect(agentsNeeded(700, 7, 40)).toBe(3);
		expect(agentsNeeded(560, 7, 40)).toBe(2);
		expect(agentsNeeded(-5, 7, 40)).toBe(0);
		expect(agentsNeeded(100, 7, 0)).toBeNull();
	});
	it('lists the top and bottom weeks, peaks first, with agents for the point and the upper 80 % bound', () => {
		const rows = peaksAndTroughs({ periods: ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27'], mean: [100, 700, 300, 50], upper80: [150, 840, 350, 80], freq: 'week', count: 1, perAgentDay: 40 });
		expect(rows).toEqual([
			{ period: '2025-01-13', value: 700, upper80: 840, kind: 'peak', agents: 3, agentsUpper: 3 },
			{ period: '2025-01-27', value: 50, upper80: 80, kind: 'trough', agents: 1, agentsUpper: 1 }
		]);
	});
});

describe('periods', () => {
	it('weeks start on Monday; months on the 1st; a partial last period is dropped', () => {
		expect(periodStart('2025-01-05', 'week')).toBe('2024-12-30'); // a Sunday → that week's Monday
		expect(periodStart('2025-01-06', 'week')).toBe('2025-01-06');
		expect(shiftPeriod('2024-11-01', 'month', 3)).toBe('2025-02-01');
		expect(fittedSpan('2024-01-03', '2024-03-31', 'month')).toEqual({ first: '2024-01-01', last: '2024-03-01', partial: null });
		expect(fittedSpan('2024-01-03', '2024-03-30', 'month')).toEqual({ first: '2024-01-01', last: '2024-02-01', partial: '2024-03-01' });
		expect(fittedSpan('2024-01-01', '2024-01-28', 'week')).toEqual({ first: '2024-01-01', last: '2024-01-22', partial: null });
	});
});
