import type { MigrationObject } from '@mikro-orm/core';
import { Migration0001Foundation } from './migrations/0001-foundation.ts';
import { Migration0002Registry } from './migrations/0002-registry.ts';
import { Migration0003SessionTouch } from './migrations/0003-session-touch.ts';
import { Migration0004AuditChain } from './migrations/0004-audit-chain.ts';
import { Migration0005Money } from './migrations/0005-money.ts';
import { Migration0006Awards } from './migrations/0006-awards.ts';
import { Migration0007Releases } from './migrations/0007-releases.ts';

/** Every migration, in order. Listed by hand so they load under any transpiler, with no file globbing. */
export const MIGRATIONS: MigrationObject[] = [
  { name: '0001-foundation', class: Migration0001Foundation },
  { name: '0002-registry', class: Migration0002Registry },
  { name: '0003-session-touch', class: Migration0003SessionTouch },
  { name: '0004-audit-chain', class: Migration0004AuditChain },
  { name: '0005-money', class: Migration0005Money },
  { name: '0006-awards', class: Migration0006Awards },
  { name: '0007-releases', class: Migration0007Releases },
];
