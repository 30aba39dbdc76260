/**
 * What an import will take. A county's whole roster is a few hundred thousand people; anything far
 * beyond that is a mistake or an attack, and is refused early with a message that says which limit.
 * Together they keep one import's peak memory well under 512 MiB.
 */
export interface ImportLimits {
  /** Bytes of the uploaded file. */
  maxFileBytes: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
  /** Sum of the uncompressed sizes of an XLSX file's parts. */
  maxUncompressedBytes: number;
  /** Uncompressed size of the shared-strings part, which the reader keeps in memory. */
  maxSharedStringsBytes: number;
  /** Uncompressed : compressed, above which a large part is taken for a zip bomb. */
  maxCompressionRatio: number;
  /** Parts in an XLSX file. */
  maxZipEntries: number;
  /** Columns in the header row. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Row errors kept in the job (the count goes on beyond it). */
  maxStoredErrors: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxSharedStringsBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 1_000,
  maxColumns: 100,
  maxCellChars: 2_000,
  maxStoredErrors: 5_000,
};

export function mebibytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
