import { TIME_ZONE } from '../consts.ts';
import { remembered } from './remembered.ts';

const chinaDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China, `YYYY-MM-DD`, whatever the build machine's zone. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate.format(now);
}

/**
 * The date the site is built for: "days left" on a notice counts from it. `PORTAL_BUILD_DATE`
 * pins it (tests, and rebuilding an old release as it was); otherwise today in China.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.PORTAL_BUILD_DATE;
  if (pinned) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned))
      throw new Error(`PORTAL_BUILD_DATE must be YYYY-MM-DD, got "${pinned}"`);
    return pinned;
  }
  return chinaToday();
}

const DAY_MS = 86_400_000;
// A build asks about the same few hundred dates on every page (each notice's window, every day).
const dayNumber = remembered((isoDate) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export type NoticeWindow =
  | { phase: 'upcoming'; daysUntilStart: number }
  | { phase: 'open' /** Including today and the last day. */; daysLeft: number }
  | { phase: 'ended'; daysSinceEnd: number };

/** Where a notice period stands on a given day; the end date is the last day objections are taken. */
export function noticeWindow(startsOn: string, endsOn: string, today: string): NoticeWindow {
  if (today < startsOn) return { phase: 'upcoming', daysUntilStart: daysBetween(today, startsOn) };
  if (today <= endsOn) return { phase: 'open', daysLeft: daysBetween(today, endsOn) + 1 };
  return { phase: 'ended', daysSinceEnd: daysBetween(endsOn, today) };
}
