import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const RegionSchema = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    code: p.string(),
    name: p.string(),
    level: p.enum(['COUNTY', 'TOWNSHIP', 'VILLAGE', 'GROUP'] as const),
    kind: p.string(),
    parent: () => p.manyToOne(RegionSchema).nullable(),
    path: p.string().columnType('ltree'),
  },
});
export type Region = InferEntity<typeof RegionSchema>;
export type RegionLevel = Region['level'];
