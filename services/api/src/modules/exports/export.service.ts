import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { withScopedClient } from '../../db/scoped-client.ts';
import { badInput, notFound } from '../../errors/domain-error.ts';
import type { Actor } from '../identity/actor.ts';
import { pathWithin } from '../identity/session-user.ts';
import { escapeFormula } from './escape-formula.ts';
import {
  EXPORT_DEFINITIONS,
  EXPORT_LISTS,
  type ExportFilters,
  type ExportList,
  type ExportListName,
  type ExportValue,
} from './export-lists.ts';

export type ExportFormat = 'csv' | 'xlsx';

const BATCH = 1_000;
const LIST = { zh: '列表', en: 'List' };
const REGION = { zh: '行政区划', en: 'Region' };

export interface ExportRequest {
  list: string;
  format: string;
  /** The query string: regionCode, associationCode, kind, from, to. */
  query: Record<string, unknown>;
}

export interface ExportTarget {
  /** Called once the request is known to be good, before the first byte: sets headers, gives the stream. */
  open(meta: { fileName: string; contentType: string }): Writable;
}

/**
 * Lists as CSV (UTF-8 with a byte-order mark, which Excel needs to read Chinese) or XLSX (ExcelJS's
 * streaming writer), read through a server-side cursor a thousand rows at a time inside the
 * caller's scope, so neither the whole list nor the whole file is ever held in memory. Every text
 * cell that starts like a formula is escaped; ID numbers and phones are masked.
 */
export class ExportService {
  constructor(private readonly pool: pg.Pool) {}

  async export(actor: Actor, request: ExportRequest, target: ExportTarget): Promise<{ rows: number }> {
    const list = parseList(request.list);
    const format = parseFormat(request.format);
    return withScopedClient(this.pool, actor.user, async (client) => {
      const filters = await parseFilters(client, actor, list, request.query);
      const { sql, params } = list.query(filters);
      await client.query(`declare export_rows no scroll cursor for ${sql}`, params);
      const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      const out = target.open({
        fileName: `${list.name}-${today}.${format}`,
        contentType:
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const sink = format === 'csv' ? csvSink(out, list.headers) : xlsxSink(out, list.title, list.headers);
      let rows = 0;
      for (;;) {
        const batch = await client.query(`fetch ${BATCH} from export_rows`);
        if (batch.rows.length === 0) break;
        await sink.write(batch.rows.map((record) => list.row(record).map(escapeCell)));
        rows += batch.rows.length;
      }
      await client.query('close export_rows');
      await sink.end();
      return { rows };
    });
  }
}

function escapeCell(value: ExportValue): ExportValue {
  return typeof value === 'string' ? escapeFormula(value) : value;
}

interface Sink {
  write(rows: ExportValue[][]): Promise<void>;
  end(): Promise<void>;
}

/** Waits while the reader is slower than the database; gives up when the reader has gone. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new Error('the download was closed before it ended');
}

function csvSink(out: Writable, headers: readonly string[]): Sink {
  out.write(`\uFEFF${stringify([headers])}`);
  return {
    async write(rows) {
      out.write(stringify(rows));
      await drained(out);
    },
    async end() {
      out.end();
      await finished(out);
    },
  };
}

function xlsxSink(out: Writable, title: string, headers: readonly string[]): Sink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(title);
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.commit();
  return {
    async write(rows) {
      for (const values of rows) sheet.addRow(values).commit();
      await drained(out);
    },
    async end() {
      sheet.commit();
      // finished() rejects when the reader leaves early; commit() alone would wait forever.
      await Promise.all([workbook.commit(), finished(out)]);
    },
  };
}

function parseList(name: string): ExportList {
  if (!(EXPORT_LISTS as readonly string[]).includes(name)) throw notFound(LIST);
  return EXPORT_DEFINITIONS[name as ExportListName];
}

function parseFormat(format: string): ExportFormat {
  if (format !== 'csv' && format !== 'xlsx') throw notFound(LIST);
  return format;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function parseFilters(
  client: pg.PoolClient,
  actor: Actor,
  list: ExportList,
  query: Record<string, unknown>,
): Promise<ExportFilters> {
  const value = (key: string): string | undefined => {
    const raw = query[key];
    return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
  };
  const filters: ExportFilters = {};
  const regionCode = value('regionCode');
  if (regionCode) {
    const { rows } = await client.query<{ path: string }>(
      'select path::text as path from region where code = $1',
      [regionCode],
    );
    const path = rows[0]?.path;
    if (!path || !pathWithin(path, actor.user.regionPath)) throw notFound(REGION, 'regionCode');
    filters.regionPath = path;
  }
  const associationCode = value('associationCode');
  if (associationCode) filters.associationCode = associationCode.toUpperCase();
  const kind = value('kind');
  if (kind) {
    if (!list.kinds?.includes(kind)) {
      throw badInput('kind', '类型不在可选范围内', 'kind is not one of the allowed values');
    }
    filters.kind = kind;
  }
  for (const key of ['from', 'to'] as const) {
    const date = value(key);
    if (!date) continue;
    const parsed = new Date(`${date}T00:00:00Z`);
    if (!DATE.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      throw badInput(key, '日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
    }
    filters[key] = date;
  }
  return filters;
}
