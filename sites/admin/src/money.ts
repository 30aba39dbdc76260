/**
 * Money arrives as fen in decimal digit strings ("8640000" is 86,400 yuan): shown as yuan with two
 * decimals, computed on the digits (BigInt), never through a float.
 */
export function fenToYuan(fen: string): string {
  if (!/^-?\d+$/.test(fen)) return fen;
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** "500" or "500.5" yuan as fen digits, exactly (no float). */
export function yuanToFen(yuan: string): string {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!match) return yuan.trim();
  const fen = BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0') || '0');
  return fen.toString();
}
