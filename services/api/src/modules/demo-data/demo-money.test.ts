import { describe, expect, it } from 'vitest';
import { timeOrderedUuids } from './demo-money.ts';

describe('time-ordered demo ids', () => {
  it('are version-7 UUIDs, in time order, the same for the same seed', () => {
    const seed = [1, 2, 3, 4] as const;
    const next = timeOrderedUuids(seed);
    const times = ['2024-12-02T09:00:00+08:00', '2024-12-02T09:00:00+08:00', '2024-12-03T10:30:00+08:00'];
    const ids = times.map((at) => next(at));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    expect(Number.parseInt(ids[2]!.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse(times[2]!));
    const again = timeOrderedUuids(seed);
    expect(times.map((at) => again(at))).toEqual(ids);
  });
});
