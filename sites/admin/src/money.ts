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
