import QRCode from 'qrcode';
import { escapeXml } from './bar-chart.ts';

/**
 * A QR code as inline SVG, drawn at build time: the printed notice carries the address of its own
 * page, so a resident at the village board can open the live list (and check it is the same) on a
 * phone. Error correction M survives a crease or a pin through the paper.
 *
 * The URL goes in as one byte-mode segment with a fixed mask pattern: the library would otherwise
 * search for the shortest mix of segment modes and score all eight masks for every poster, which took
 * a tenth of the county build. Every reader decodes any mask; the browser test decodes the printed code.
 */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    maskPattern: 0,
  });
  return svg.replace('<svg ', `<svg class="qr-code" role="img" aria-label="${escapeXml(label)}" `);
}
