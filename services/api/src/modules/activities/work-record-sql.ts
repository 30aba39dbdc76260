import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { KeysetSort } from '../../db/keyset-page.ts';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import { isCalendarDate, isUuid } from '../../validation/field-checks.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin } from '../identity/session-user.ts';

/**
 * SQL pieces the work-record services (activities, projects, evaluations) share. Reads are plain
 * rows through the scoped transaction's `em.execute`; row-level security limits every statement to
 * the caller's subtree, and these helpers add the clear error a form needs.
 */

const ASSOCIATION = { zh: '计生协会', en: 'Association' };

export interface AssociationInScope {
  id: string;
  code: string;
  name: string;
  level: 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';
  regionId: string;
  regionPath: string;
}

/** The association a record is filed under; NOT_FOUND (naming `field`) outside the caller's subtree. */
export async function findAssociationInScope(
  em: EntityManager,
  actor: Actor,
  id: string,
  field: string,
): Promise<AssociationInScope> {
  if (!isUuid(id)) throw notFound(ASSOCIATION, field);
  const [row] = (await em.execute(
    `select a.id, a.code, a.name, a.level, a.region_id, a.region_path::text as region_path
       from association a where a.id = ?`,
    [id],
  )) as {
    id: string;
    code: string;
    name: string;
    level: AssociationInScope['level'];
    region_id: string;
    region_path: string;
  }[];
  if (!row || !pathWithin(row.region_path, actor.user.regionPath)) throw notFound(ASSOCIATION, field);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    regionId: row.region_id,
    regionPath: row.region_path,
  };
}

/** Runs a write; a unique-constraint violation becomes a CONFLICT naming the field. */
export async function executeOrConflict<T>(
  em: EntityManager,
  sql: string,
  params: unknown[],
  conflict: { field: string; messageZh: string; messageEn: string },
): Promise<T[]> {
  try {
    return (await em.execute(sql, params)) as T[];
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError({ code: 'CONFLICT', ...conflict });
    }
    throw error;
  }
}

export function staleVersion(what: Label): DomainError {
  return new DomainError({
    code: 'CONFLICT',
    field: 'expectedVersion',
    messageZh: `该${what.zh}已被他人修改，请刷新后重试`,
    messageEn: `Someone else changed this ${what.en.toLowerCase()}; reload and try again`,
  });
}

interface Label {
  zh: string;
  en: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

export function dateSort(column: string): KeysetSort {
  return { column, cursorText: `${column}::text`, fromCursor: '?::date', accepts: isCalendarDate };
}

export function timestampSort(column: string): KeysetSort {
  return {
    column,
    cursorText: `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
    fromCursor: `(?::timestamp at time zone 'UTC')`,
    accepts: (text) =>
      TIMESTAMP.test(text) &&
      isCalendarDate(text.slice(0, 10)) &&
      !Number.isNaN(Date.parse(`${text.slice(0, 23)}Z`)),
  };
}
