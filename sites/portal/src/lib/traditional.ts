import { Converter, CustomConverter } from 'opencc-js/cn2t';
import { transformHtmlText } from './html-text.ts';

// Mainland Simplified to Traditional characters (Taiwan standard forms), character by character with
// OpenCC's phrase dictionary; vocabulary is left alone (数据 stays 數據, not 資料): the portal speaks
// the mainland's terms in either script.
const openccToTraditional = Converter({ from: 'cn', to: 'tw' });
// Phrases OpenCC's segmentation gets wrong in this portal's vocabulary, converted first: 资金发放 is
// "funds paid out", never 金髮 ("blond hair"); 6 天后开始 is "starts in 6 days", never 天后 (a goddess).
const portalPhrases = CustomConverter([
  ['金发', '金發'],
  ['天后', '天後'],
]);
const simplifiedToTraditional = (text: string): string => openccToTraditional(portalPhrases(text));
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Simplified Chinese text in Traditional characters; text without Han characters is returned as is. */
export function toTraditional(text: string): string {
  if (!HAN.test(text)) return text;
  // Most text between two tags (navigation, headings, labels, names of places) recurs on thousands of
  // pages; OpenCC's segmentation runs once per distinct piece.
  let converted = conversions.get(text);
  if (converted === undefined) {
    converted = simplifiedToTraditional(text);
    if (conversions.size >= CONVERTED_MAX) conversions.clear();
    conversions.set(text, converted);
  }
  return converted;
}

const CONVERTED_MAX = 200_000;
const conversions = new Map<string, string>();

/** A rendered page in Traditional characters: its text only, never its URLs, hashes or code. */
export function htmlToTraditional(html: string): string {
  return transformHtmlText(html, toTraditional);
}
