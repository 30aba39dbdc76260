import type { DemoRandom } from './demo-random.ts';

// Dates as 'YYYY-MM-DD' strings, computed in UTC day numbers so that the demo data never depends on the
// machine's time zone or clock.

/**
 * The demo's "today": work records run up to this day and no later, whatever day the data is generated
 * on, so that the same seed gives the same data next year too.
 */
export const DEMO_AS_OF = '2026-11-15';
/** Three years of work records: activities, projects and evaluations from 2024 to 2026. */
export const WORK_YEARS = [2024, 2025, 2026] as const;
/** The youngest demo residents are born in this year, safely before any day the data can be loaded. */
export const LAST_BIRTH_YEAR = 2025;

const DAY_MS = 86_400_000;

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** A uniformly random day from `from` to `to`, both inclusive. */
export function randomDate(rng: DemoRandom, from: string, to: string): string {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

/** A random day in `year` (up to 31 December), optionally between two months. */
export function randomDayInYear(rng: DemoRandom, year: number, fromMonth = 1, toMonth = 12): string {
  return randomDate(rng, isoDate(year, fromMonth, 1), isoDate(year, toMonth, daysInMonth(year, toMonth)));
}

/** Quarter 1..4 of a date. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}
