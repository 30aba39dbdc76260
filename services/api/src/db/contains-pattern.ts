/** `%words%` for LIKE / ILIKE, with the pattern characters (`%`, `_`, `\`) of the words taken literally. */
export function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
