import { Converter, CustomConverter } from 'opencc-js/cn2t';
import { HAN, transformHtmlText } from './html-text.ts';
import { remembered } from './remembered.ts';

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

/** Simplified Chinese text in Traditional characters; text without Han characters is returned as is. */
export function toTraditional(text: string): string {
  return HAN.test(text) ? convertOnce(text) : text;
}

// Most text between two tags (navigation, headings, labels, names of places) recurs on thousands of
// pages; OpenCC's segmentation runs once per distinct piece.
const convertOnce = remembered(simplifiedToTraditional, 200_000);

/** A rendered page in Traditional characters: its text only, never its URLs, hashes or code. */
export function htmlToTraditional(html: string): string {
  return transformHtmlText(html, toTraditional);
}
