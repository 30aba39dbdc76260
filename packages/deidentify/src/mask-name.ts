/**
 * The one mask shape for personal names everywhere on the platform: first character, one star per
 * hidden character, last character. 张三娓 → 张*娓, 张三 → 张*, 张 → *.
 *
 * Compound surnames (欧阳, 司马, …) are deliberately not special-cased: 欧阳娜娜 → 欧**娜. Detecting
 * them needs a surname list that is never complete (and 欧阳 can also be surname 欧 + given name 阳),
 * and a second shape would let a reader tell compound-surname families apart. One shape, always.
 *
 * Length is counted in code points, so rare characters outside the Basic Multilingual Plane count as
 * one character. Non-CJK names follow the same shape ('Ali' → 'A*i'); spaces and the middle dot of
 * transcribed names (阿里·买买提) are masked like any other inner character.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) {
    throw new RangeError('姓名不能为空 / name must not be empty');
  }
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
