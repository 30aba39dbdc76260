import type { MikroORM } from '@mikro-orm/postgresql';
import { keysetPage, textSort } from '../../db/keyset-page.ts';
import { withScope } from '../../db/scoped-transaction.ts';
import { badInput, DomainError, notFound } from '../../errors/domain-error.ts';
import { type Page, type PageRequest, pageSize } from '../../graphql/relay-cursor.ts';
import { CONTROL_CHARS, isUuid } from '../../validation/field-checks.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, requireRole } from '../identity/actor.ts';
import { DUPLICATE_FLAG_COLUMNS, type DuplicateFlagRow } from './duplicate-flag.type.ts';

const FLAG = { zh: '疑似重复记录', en: 'Duplicate flag' };
const SORT = `to_char(f.detected_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

export type DuplicateFlagStatus = 'OPEN' | 'DISTINCT_PERSONS' | 'SAME_PERSON';

/**
 * Near-duplicate persons (same name and birth date, different ID numbers), raised by the database
 * whenever a person is registered or renamed, and reviewed by the county. Row-level security shows
 * them to county-wide scopes only: everyone else gets an empty list.
 */
export class DuplicateFlagService {
  constructor(private readonly orm: MikroORM) {}

  async list(
    actor: Actor,
    page: PageRequest,
    status: DuplicateFlagStatus | null,
  ): Promise<Page<DuplicateFlagRow>> {
    const size = pageSize(page.first);
    return withScope(this.orm, actor.user, async (em) => {
      return keysetPage(em, {
        from: 'from person_duplicate_flag f',
        columns: DUPLICATE_FLAG_COLUMNS,
        where: status ? ['f.status = ?'] : [],
        params: status ? [status] : [],
        sort: textSort(SORT),
        idColumn: 'f.id',
        direction: 'desc',
        size,
        after: page.after,
        mapRow: (row: DuplicateFlagRow) => row,
      });
    });
  }

  async resolve(
    actor: Actor,
    id: string,
    status: Exclude<DuplicateFlagStatus, 'OPEN'>,
    note: string | null,
  ): Promise<DuplicateFlagRow> {
    requireRole(actor, ['COUNTY_ADMIN']);
    const trimmed = note?.trim().normalize('NFC') || null;
    if (trimmed && (trimmed.length > 500 || CONTROL_CHARS.test(trimmed))) {
      throw badInput(
        'note',
        '核查说明最多 500 个字符，且不含控制字符',
        'The note must be at most 500 characters, no control characters',
      );
    }
    return withScope(this.orm, actor.user, async (em) => {
      const [before] = isUuid(id)
        ? ((await em.execute(
            `select ${DUPLICATE_FLAG_COLUMNS}, f.region_path::text as region_path
               from person_duplicate_flag f where f.id = ? for update`,
            [id],
          )) as (DuplicateFlagRow & { region_path: string })[])
        : [];
      if (!before) throw notFound(FLAG);
      if (before.status !== 'OPEN') {
        throw new DomainError({
          code: 'INVALID_STATE',
          messageZh: '该疑似重复记录已核查过',
          messageEn: 'This duplicate flag has already been reviewed',
        });
      }
      await em.execute(
        `update person_duplicate_flag set status = ?, resolved_by = ?, resolved_at = now(), resolution_note = ?
          where id = ?`,
        [status, actor.user.id, trimmed, id],
      );
      const [after] = (await em.execute(
        `select ${DUPLICATE_FLAG_COLUMNS} from person_duplicate_flag f where f.id = ?`,
        [id],
      )) as DuplicateFlagRow[];
      const { region_path: regionPath, ...beforeRow } = before;
      await recordAudit(em, actor.user, actor.requestId, {
        action: 'person.resolveDuplicateFlag',
        entity: 'person_duplicate_flag',
        entityId: id,
        regionPath,
        before: beforeRow,
        after,
      });
      return after!;
    });
  }
}
