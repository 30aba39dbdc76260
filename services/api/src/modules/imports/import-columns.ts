import { cellText, labelKey } from './cell-values.ts';
import { ImportFileError } from './import-errors.ts';
import type { Cell } from './read-table-rows.ts';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The template's header. */
  zh: string;
  /** The English header, also accepted. */
  en: string;
  /** Other headers seen in real registers. */
  aliases?: readonly string[];
  required: boolean;
  /** What the template's second line explains, e.g. the allowed values. */
  hint: string;
}

/** Where each known column sits in this file, and its header as the file wrote it (for error reports). */
export interface HeaderMap<K extends string = string> {
  index: Map<K, number>;
  present: ReadonlySet<K>;
  /** The header for `key` as written in the file, or the template's header if the file lacks it. */
  headerOf(key: K): string;
  /** The cell of `key` in a row, or null when the file has no such column. */
  cell(cells: readonly Cell[], key: K): Cell;
}

/** Strips what people add to headers: spaces, a required-mark asterisk, a note in brackets. */
function headerKey(text: string): string {
  return labelKey(text.replace(/^[*＊]+|[*＊]+$/g, '').replace(/[（(][^）)]*[）)]\s*$/, ''));
}

/**
 * Reads the header row against a kind's columns. Headers are matched in Chinese or English, ignoring
 * case, spaces and notes; unknown columns are ignored (a register often carries extra ones). A
 * missing required column or one given twice stops the import with one clear file-level error.
 */
export function matchHeader<K extends string>(
  specs: readonly ColumnSpec<K>[],
  header: readonly Cell[],
  headerRow = 1,
): HeaderMap<K> {
  const byWord = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) {
    for (const word of [spec.zh, spec.en, ...(spec.aliases ?? [])]) byWord.set(headerKey(word), spec);
  }
  const index = new Map<K, number>();
  const written = new Map<K, string>();
  header.forEach((cell, position) => {
    const text = cellText(cell);
    if (text === null) return;
    const spec = byWord.get(headerKey(text));
    if (!spec) return;
    if (index.has(spec.key)) throw new ImportFileError('DUPLICATE_COLUMN', { header: spec.zh }, headerRow);
    index.set(spec.key, position);
    written.set(spec.key, text);
  });
  for (const spec of specs) {
    if (spec.required && !index.has(spec.key)) {
      throw new ImportFileError('MISSING_COLUMN', { header: `${spec.zh} / ${spec.en}` }, headerRow);
    }
  }
  const zhOf = new Map(specs.map((spec) => [spec.key, spec.zh]));
  return {
    index,
    present: new Set(index.keys()),
    headerOf: (key) => written.get(key) ?? zhOf.get(key) ?? key,
    cell(cells, key) {
      const position = index.get(key);
      return position === undefined ? null : (cells[position] ?? null);
    },
  };
}
