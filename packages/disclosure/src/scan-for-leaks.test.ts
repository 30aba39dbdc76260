import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD,
  CARD_IN_LONGER_RUN,
  INVALID_RESIDENT_ID,
  MOBILE,
  NAME,
  PROTECTED_NAMES,
  RESIDENT_ID,
  RESIDENT_ID_X,
} from './leak-scan/test-values.ts';
import { type LeakHit, scanForLeaks } from './scan-for-leaks.ts';

let root: string;
let caseNumber = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'leak-scan-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes the files into a fresh directory and scans it with the test's protected names. */
async function scanFiles(
  files: Record<string, string | Uint8Array>,
  names: Iterable<string> = PROTECTED_NAMES,
) {
  const dir = path.join(root, `case-${++caseNumber}`);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return scanForLeaks(dir, { protectedNames: names });
}

const at = (text: string): number => Buffer.byteLength(text, 'utf8');
const jsonEscape = (text: string): string =>
  [...text].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const hexEntities = (text: string): string =>
  [...text].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join('');
const decimalEntities = (text: string): string => [...text].map((ch) => `&#${ch.codePointAt(0)};`).join('');
const hit = (file: string, offset: number, kind: LeakHit['kind'], inflated?: true): LeakHit =>
  inflated ? { file, offset, kind, inflated } : { file, offset, kind };

describe('scanForLeaks on real files', () => {
  it('finds each kind in HTML text and attributes, at the byte that starts the value', async () => {
    const before = '<!doctype html><html><body><p class="x">户主：';
    const html = `${before}${NAME}，身份证 ${RESIDENT_ID}</p><a data-tel="${MOBILE}" title="卡 ${CARD}">x</a></body></html>`;
    const result = await scanFiles({ 'index.html': html });
    const bytes = Buffer.from(html);
    expect(result.hits).toEqual([
      hit('index.html', at(before), 'NAME'),
      hit('index.html', at(`${before}${NAME}，身份证 `), 'RESIDENT_ID'),
      hit('index.html', bytes.indexOf(MOBILE), 'MOBILE'),
      hit('index.html', bytes.indexOf(CARD), 'CARD'),
    ]);
    for (const found of result.hits.slice(1)) {
      expect('0123456789').toContain(String.fromCharCode(bytes[found.offset]!));
    }
    expect(result).toMatchObject({ filesScanned: 1, bytesScanned: bytes.length, unreadable: [] });
  });

  it('finds names in island props and in HTML character references', async () => {
    const island = `<astro-island props="{&quot;head&quot;:[0,&quot;${NAME}&quot;]}"></astro-island>`;
    const hex = `<p>${hexEntities(NAME)}</p>`;
    const decimal = `<p>tel ${decimalEntities(MOBILE)}</p>`;
    const result = await scanFiles({ 'a.html': island, 'b.html': hex, 'c.html': decimal });
    expect(result.hits).toEqual([
      hit('a.html', Buffer.from(island).indexOf(NAME), 'NAME'),
      hit('b.html', at('<p>'), 'NAME'),
      hit('c.html', at('<p>tel '), 'MOBILE'),
    ]);
  });

  it('finds values in JSON, plain and \\u-escaped, and in a percent-encoded URL', async () => {
    const plain = `{"rows":[{"card":"${CARD}"}]}`;
    const escaped = `{"rows":[{"name":"${jsonEscape(NAME)}","id":"${jsonEscape(RESIDENT_ID)}"}]}`;
    const url = `<a href="/search/?q=${encodeURIComponent(NAME)}&m=${MOBILE}">搜索</a>`;
    const result = await scanFiles({
      'data/plain.json': plain,
      'data/escaped.json': escaped,
      'link.html': url,
    });
    expect(result.hits).toEqual([
      hit('data/escaped.json', at('{"rows":[{"name":"'), 'NAME'),
      hit('data/escaped.json', at(`{"rows":[{"name":"${jsonEscape(NAME)}","id":"`), 'RESIDENT_ID'),
      hit('data/plain.json', at('{"rows":[{"card":"'), 'CARD'),
      hit('link.html', at('<a href="/search/?q='), 'NAME'),
      hit('link.html', Buffer.from(url).indexOf(MOBILE), 'MOBILE'),
    ]);
  });

  it('finds values in XML feeds, the sitemap, JavaScript and source maps', async () => {
    const feed = `<?xml version="1.0"?><rss><channel><item><title>${NAME}</title><description>${RESIDENT_ID_X}</description></item></channel></rss>`;
    const sitemap = `<urlset><url><loc>https://x.example/p/${MOBILE}/</loc></url></urlset>`;
    const js = `const a=[1,2];export const b="${CARD}";`;
    const map = JSON.stringify({
      version: 3,
      sources: ['a.ts'],
      sourcesContent: [`const n = "${NAME}";`],
    }).replace(NAME, jsonEscape(NAME));
    const result = await scanFiles({
      'rss.xml': feed,
      'sitemap-0.xml': sitemap,
      '_astro/app.B1x2.js': js,
      '_astro/app.B1x2.js.map': map,
    });
    expect(result.hits).toEqual([
      hit('_astro/app.B1x2.js', Buffer.from(js).indexOf(CARD), 'CARD'),
      hit('_astro/app.B1x2.js.map', map.indexOf('\\u'), 'NAME'),
      hit('rss.xml', Buffer.from(feed).indexOf(NAME), 'NAME'),
      hit('rss.xml', Buffer.from(feed).indexOf(RESIDENT_ID_X), 'RESIDENT_ID'),
      hit('sitemap-0.xml', Buffer.from(sitemap).indexOf(MOBILE), 'MOBILE'),
    ]);
  });

  it('scans inside gzip files, Pagefind fragments and brotli files, with offsets in the inflated stream', async () => {
    const json = `{"amountFen":"1234567","card":"${CARD}"}`;
    const fragment = `pagefind_dcd{"url":"/households/1/","content":"户主 ${NAME} 电话 ${MOBILE}"}`;
    const result = await scanFiles({
      'data.json.gz': gzipSync(json),
      'pagefind/fragment/zh_3f2a.pf_fragment': gzipSync(fragment),
      'pagefind/index/zh_91b0.pf_index': gzipSync(Buffer.from([0, 1, 2, 3, 250, 251])),
      'index.html.br': brotliCompressSync(`<p>${RESIDENT_ID}</p>`),
    });
    // Small inputs are stored literally by the compressor, so raw-byte hits may come too; this is about
    // the decompressed content.
    expect(result.hits.filter((found) => found.inflated)).toEqual([
      hit('data.json.gz', Buffer.from(json).indexOf(CARD), 'CARD', true),
      hit('index.html.br', at('<p>'), 'RESIDENT_ID', true),
      hit('pagefind/fragment/zh_3f2a.pf_fragment', Buffer.from(fragment).indexOf(NAME), 'NAME', true),
      hit('pagefind/fragment/zh_3f2a.pf_fragment', Buffer.from(fragment).indexOf(MOBILE), 'MOBILE', true),
    ]);
    expect(result.filesScanned).toBe(4);
  });

  it('finds values in binary files and full-width digits', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]),
      Buffer.from(`tEXtComment\0${RESIDENT_ID}\0`),
      Buffer.from([0xe5, 0xbc, 0x00, 0x9f]),
    ]);
    const fullWidth = MOBILE.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const result = await scanFiles({ 'img/a.png': png, 'note.txt': `电话：${fullWidth}` });
    expect(result.hits).toEqual([
      hit('img/a.png', png.indexOf(RESIDENT_ID), 'RESIDENT_ID'),
      hit('note.txt', at('电话：'), 'MOBILE'),
    ]);
  });

  it('reports nothing for masked values and everyday numbers', async () => {
    const html = [
      '<p>户主：张*娓 欧阳** 李*</p>',
      '<p>身份证：3301**********1234 电话：139****5678 卡号：6222 **** **** 1234</p>',
      '<time datetime="2026-11-23T08:00:00+08:00">2026年11月23日</time>',
      '<td data-fen="1234567">12,345.67 元</td><td>330102001001</td>',
      '<meta name="run" content="550e8400-e29b-41d4-a716-446655440000">',
      '<link integrity="e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855">',
      `<p>${INVALID_RESIDENT_ID} 9${MOBILE} ${CARD_IN_LONGER_RUN}</p>`,
      `<p>${encodeURIComponent('张*娓')} ${jsonEscape('张*娓')} ${hexEntities('张*娓')}</p>`,
    ].join('\n');
    const result = await scanFiles({ 'clean.html': html, 'clean.json.gz': gzipSync(html) });
    expect(result.hits).toEqual([]);
    expect(result.unreadable).toEqual([]);
  });

  it('lists a compressed file it cannot open as unreadable', async () => {
    const result = await scanFiles({
      'broken.pf_fragment': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]),
      'broken.html.br': Buffer.from('not brotli at all'),
    });
    expect(result.unreadable).toEqual([
      { file: 'broken.html.br', reason: 'BROTLI' },
      { file: 'broken.pf_fragment', reason: 'GZIP' },
    ]);
  });

  it('neither reads nor counts the files the caller knows to be clean', async () => {
    const dir = path.join(root, 'skip');
    await mkdir(path.join(dir, 'p'), { recursive: true });
    await writeFile(path.join(dir, 'p/known.html'), `<p>${MOBILE}</p>`);
    await writeFile(path.join(dir, 'new.html'), `<p>${CARD}</p>`);
    const result = await scanForLeaks(dir, {
      protectedNames: [],
      skipFile: (file) => file === 'p/known.html',
    });
    expect(result.hits).toEqual([hit('new.html', at('<p>'), 'CARD')]);
    expect(result).toMatchObject({ filesScanned: 1, filesSkipped: 1, bytesScanned: at(`<p>${CARD}</p>`) });
  });

  it('never puts a found value into its result', async () => {
    const result = await scanFiles({ 'x.html': `${NAME} ${RESIDENT_ID} ${MOBILE} ${CARD}` });
    expect(result.hits).toHaveLength(4);
    const serialized = JSON.stringify(result);
    for (const value of [NAME, RESIDENT_ID, MOBILE, CARD]) expect(serialized).not.toContain(value);
  });

  it('scans a 20 MB build-like directory with 140k protected names (speed is measured, not asserted)', async () => {
    const surnames = [
      ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
    ];
    const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红玉梅琳慧燕飞鹏辉波宁'];
    const names: string[] = [];
    for (const surname of surnames) {
      for (const a of given) {
        names.push(surname + a);
        for (const b of given) names.push(surname + a + b);
      }
    }
    const protectedNames = names.slice(0, 140_000);
    // Filler text uses surnames (so the name index is consulted) but never a given-name character.
    const filler = [
      ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化',
    ];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const chinese = (length: number): string =>
      Array.from({ length }, () =>
        random(5) === 0 ? surnames[random(surnames.length)]! : filler[random(filler.length)]!,
      ).join('');
    const files: Record<string, string> = {};
    let size = 0;
    for (let f = 0; size < 20 * 1024 * 1024; f++) {
      const parts: string[] = [];
      for (let row = 0; row < 400; row++) {
        parts.push(
          `<tr><td>${chinese(20)}</td><td data-fen="${random(100_000_000)}">${random(1_000_000)}</td>` +
            `<td>2026-${String(1 + random(12)).padStart(2, '0')}-0${1 + random(9)}</td>` +
            `<td>${crypto.randomUUID()}</td><td>330102${String(random(1_000_000)).padStart(6, '0')}</td></tr>`,
        );
      }
      // JSON files carry their Chinese \u-escaped, as some serializers write it, so the decoded view is used.
      const content =
        f % 3 === 1 ? parts.join('\n').replace(/[\u4e00-\u9fff]/g, jsonEscape) : parts.join('\n');
      files[f % 3 === 0 ? `p/${f}/index.html` : f % 3 === 1 ? `data/${f}.json` : `_astro/${f}.js`] = content;
      size += Buffer.byteLength(content);
    }
    files['p/planted/index.html'] = `<p>${protectedNames[123_456]} ${RESIDENT_ID}</p>`;
    const dir = path.join(root, 'perf');
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    const started = performance.now();
    const result = await scanForLeaks(dir, { protectedNames });
    const ms = performance.now() - started;
    console.log(
      `leak scan speed: ${result.filesScanned} files, ${(result.bytesScanned / 1024 / 1024).toFixed(1)} MB, ` +
        `${protectedNames.length} names, ${Math.round(ms)} ms, ${(result.bytesScanned / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s`,
    );
    expect(result.hits.filter((h) => h.file === 'p/planted/index.html').map((h) => h.kind)).toEqual([
      'NAME',
      'RESIDENT_ID',
    ]);
  }, 120_000);
});
