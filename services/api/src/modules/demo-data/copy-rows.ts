import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** What a COPY column takes here: text, numbers, booleans, bytea (Buffer), text[] (string[]), or NULL. */
export type CopyValue = string | number | boolean | Buffer | readonly string[] | null;

const CHUNK_CHARS = 64 * 1024;

// COPY's text format: backslash escapes, tab between columns, \N for NULL.
function escapeText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (ch) =>
        ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
      )
    : value;
}

function encode(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  const elements = (value as readonly string[]).map((e) => `"${e.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`);
  return escapeText(`{${elements.join(',')}}`);
}

/**
 * Streams rows into `table` with COPY FROM STDIN, a chunk at a time (the rows may be a generator:
 * nothing is held beyond one chunk). Returns the number of rows written.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + encode(row[i] as CopyValue);
      chunk += `${line}\n`;
      count++;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  await pipeline(
    Readable.from(chunks(), { objectMode: false }),
    client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)),
  );
  return count;
}
