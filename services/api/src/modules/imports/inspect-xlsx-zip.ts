import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { ImportFileError } from './import-errors.ts';
import type { ImportLimits } from './import-limits.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const ZIP64_MARK = 0xffffffff;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the compressed bytes start, once the local header has been read. */
  dataStart: number;
}

/** True when the file starts like a zip archive (an XLSX workbook is one). */
export function looksLikeZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === LOCAL_SIGNATURE;
}

/**
 * Proves an XLSX file is safe to hand to the streaming reader before it is opened: it reads the zip's
 * central directory itself and refuses a file whose parts declare more than the limit in total, or a
 * large part compressed beyond any real spreadsheet's ratio (a zip bomb). The declarations could lie,
 * so it also checks that the parts sit back to back as declared (no hidden part the streaming reader
 * would find between them) and inflates each part once, counting, stopping as soon as a part yields
 * more than it declared. The reader then never sees more than `maxUncompressedBytes` of XML.
 */
export async function inspectXlsxZip(filePath: string, limits: ImportLimits): Promise<void> {
  const file = await open(filePath, 'r');
  let entries: ZipEntry[];
  try {
    const { size } = await file.stat();
    const directory = await readCentralDirectory(file, size, limits);
    entries = directory.entries;
    await checkLayout(file, entries, directory.offset, size);
  } finally {
    await file.close();
  }
  for (const entry of entries) await inflateWithin(filePath, entry);
}

function invalid(): ImportFileError {
  return new ImportFileError('XLSX_INVALID');
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw invalid();
  return buffer;
}

async function readCentralDirectory(
  file: FileHandle,
  size: number,
  limits: ImportLimits,
): Promise<{ entries: ZipEntry[]; offset: number }> {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = await readAt(file, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid();
  const entryCount = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // A spreadsheet within our limits never needs ZIP64; declaring it is refusing the limits.
  if (entryCount === 0xffff || directorySize === ZIP64_MARK || directoryOffset === ZIP64_MARK) {
    throw new ImportFileError('XLSX_TOO_LARGE_UNCOMPRESSED', { limits });
  }
  if (entryCount > limits.maxZipEntries) throw new ImportFileError('XLSX_TOO_LARGE_UNCOMPRESSED', { limits });
  if (directoryOffset + directorySize > size - tailLength + eocd) throw invalid();

  const directory = await readAt(file, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = 0;
  for (let n = 0; n < entryCount; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw invalid();
    const entry: ZipEntry = {
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + directory.readUInt16LE(at + 28)),
      dataStart: -1,
    };
    at +=
      46 +
      directory.readUInt16LE(at + 28) +
      directory.readUInt16LE(at + 30) +
      directory.readUInt16LE(at + 32);
    if (entry.uncompressedSize === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) {
      throw new ImportFileError('XLSX_TOO_LARGE_UNCOMPRESSED', { limits });
    }
    if (entry.method !== 0 && entry.method !== 8) throw invalid();
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new ImportFileError('XLSX_TOO_LARGE_UNCOMPRESSED', { limits });
    }
    if (entry.name === 'xl/sharedStrings.xml' && entry.uncompressedSize > limits.maxSharedStringsBytes) {
      throw new ImportFileError('XLSX_TOO_LARGE_UNCOMPRESSED', { limits });
    }
    // Small parts may compress absurdly well (an empty sheet); only a large one makes a bomb.
    if (
      entry.uncompressedSize > 1024 * 1024 &&
      entry.uncompressedSize > limits.maxCompressionRatio * Math.max(1, entry.compressedSize)
    ) {
      throw new ImportFileError('XLSX_COMPRESSION_RATIO', { limits });
    }
    entries.push(entry);
  }
  return { entries, offset: directoryOffset };
}

/** Every byte before the central directory belongs to exactly one declared part, in order. */
async function checkLayout(
  file: FileHandle,
  entries: ZipEntry[],
  directoryOffset: number,
  size: number,
): Promise<void> {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of sorted) {
    if (entry.localOffset !== expected) throw invalid();
    const header = await readAt(file, entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw invalid();
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const name = (await readAt(file, entry.localOffset + 30, nameLength)).toString('utf8');
    if (name !== entry.name) throw invalid();
    const flags = header.readUInt16LE(6);
    const hasDescriptor = (flags & 0x08) !== 0;
    if (!hasDescriptor && header.readUInt32LE(18) !== entry.compressedSize) throw invalid();
    const dataStart = entry.localOffset + 30 + nameLength + extraLength;
    let end = dataStart + entry.compressedSize;
    if (hasDescriptor) {
      if (end + 4 > size) throw invalid();
      const signed = (await readAt(file, end, 4)).readUInt32LE(0) === DESCRIPTOR_SIGNATURE;
      end += signed ? 16 : 12;
    }
    entry.dataStart = dataStart;
    expected = end;
  }
  // What follows the last part is the central directory itself.
  if (expected !== directoryOffset) throw invalid();
}

async function inflateWithin(filePath: string, entry: ZipEntry): Promise<void> {
  if (entry.compressedSize === 0) return;
  const source = createReadStream(filePath, {
    start: entry.dataStart,
    end: entry.dataStart + entry.compressedSize - 1,
  });
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw invalid();
    source.destroy();
    return;
  }
  const inflate = createInflateRaw();
  let produced = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      source.destroy();
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) fail(new ImportFileError('XLSX_COMPRESSION_RATIO'));
    });
    inflate.on('end', () => resolve());
    inflate.on('error', () => fail(invalid()));
    source.on('error', () => fail(invalid()));
    source.pipe(inflate);
  });
  if (produced !== entry.uncompressedSize) throw invalid();
}
