import { describe, expect, it } from 'vitest';
import { buildDate, chinaToday, daysBetween, noticeWindow } from './dates.ts';

describe('notice periods and days left', () => {
  it('counts days left including today and the last day', () => {
    expect(noticeWindow('2025-06-06', '2025-06-12', '2025-06-10')).toEqual({ phase: 'open', daysLeft: 3 });
    expect(noticeWindow('2025-06-06', '2025-06-12', '2025-06-12')).toEqual({ phase: 'open', daysLeft: 1 });
    expect(noticeWindow('2025-06-06', '2025-06-12', '2025-06-06')).toEqual({ phase: 'open', daysLeft: 7 });
    expect(noticeWindow('2025-06-16', '2025-06-20', '2025-06-10')).toEqual({
      phase: 'upcoming',
      daysUntilStart: 6,
    });
    expect(noticeWindow('2025-05-20', '2025-05-26', '2025-06-10')).toEqual({
      phase: 'ended',
      daysSinceEnd: 15,
    });
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('takes the build date from PORTAL_BUILD_DATE, else today in China', () => {
    expect(buildDate({ PORTAL_BUILD_DATE: '2025-06-10' })).toBe('2025-06-10');
    expect(() => buildDate({ PORTAL_BUILD_DATE: '10/06/2025' })).toThrow(/YYYY-MM-DD/);
    // 23:30 UTC is already the next day in Beijing.
    expect(chinaToday(new Date('2025-06-09T23:30:00Z'))).toBe('2025-06-10');
  });
});
