import QRCode from 'qrcode';
import { escapeXml } from './bar-chart.ts';

/**
 * A QR code as inline SVG, drawn at build time: the printed notice carries the address of its own
 * page, so a resident at the village board can open the live list (and check it is the same) on a
 * phone. Error correction M survives a crease or a pin through the paper.
 */
export async function qrCodeSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg class="qr-code" role="img" aria-label="${escapeXml(label)}" `);
}
