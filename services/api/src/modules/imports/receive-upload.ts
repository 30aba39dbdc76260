import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportFileError } from './import-errors.ts';
import type { ImportLimits } from './import-limits.ts';

export interface ReceivedFile {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Streams an upload to a file, hashing and counting as it goes, and stops at the size limit: the
 * partial file is removed and nothing larger than the limit is ever held, on disk or in memory.
 */
export async function receiveUpload(
  body: Readable,
  directory: string,
  limits: ImportLimits,
): Promise<ReceivedFile> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const filePath = path.join(directory, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxFileBytes) {
        callback(new ImportFileError('FILE_TOO_LARGE', { limits }));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(filePath, { mode: 0o600 }));
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
  if (bytes === 0) {
    await rm(filePath, { force: true });
    throw new ImportFileError('FILE_EMPTY');
  }
  return { path: filePath, sha256: hash.digest('hex'), bytes };
}

/** The sha256 of a stored file, to prove it is the one that was checked. */
export async function fileSha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
