import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Buffer | null;

const FLUSH_AT = 256 * 1024;

/** One value in COPY's text format: backslash escapes, \N for NULL, bytea as \\x hex. */
function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Rows into a table through COPY FROM STDIN, batched into large writes and paced by the stream's
 * back-pressure, so the parser never runs ahead of the database by more than a buffer.
 */
export class CopyWriter {
  private buffer = '';
  private readonly stream: ReturnType<typeof copyFrom>;
  private failure: Error | null = null;

  constructor(client: pg.PoolClient, table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    this.stream.on('error', (error: Error) => {
      this.failure = error;
    });
  }

  async write(values: readonly CopyValue[]): Promise<void> {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) line += '\t';
      line += copyText(values[i] ?? null);
    }
    this.buffer += `${line}\n`;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) {
      await Promise.race([once(this.stream, 'drain'), once(this.stream, 'error')]);
      if (this.failure) throw this.failure;
    }
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  /** Stops the COPY (the server gets CopyFail), so the connection can roll back and be reused. */
  async abort(): Promise<void> {
    this.buffer = '';
    if (this.stream.destroyed) return;
    this.stream.destroy(new Error('import stopped'));
    await finished(this.stream).catch(() => {});
  }
}
