import { describe, expect, it } from 'vitest';
import { transformHtmlText } from './html-text.ts';
import { htmlToTraditional, toTraditional } from './traditional.ts';

describe('Traditional Chinese pages (OpenCC at build time)', () => {
  it('converts text to Traditional characters, mainland vocabulary kept', () => {
    expect(toTraditional('青山县计划生育协会 扶助对象公示')).toBe('青山縣計劃生育協會 扶助對象公示');
    expect(toTraditional('数据下载')).toBe('數據下載');
    // Regression: OpenCC's phrase table read 资金发放 as 资 + 金发 ("blond hair").
    expect(toTraditional('扶助资金发放')).toBe('扶助資金發放');
    expect(toTraditional('奖金发放')).toBe('獎金發放');
    expect(toTraditional('run-20250610 · SHA-256 bfe6fece')).toBe('run-20250610 · SHA-256 bfe6fece');
  });

  it('converts text nodes and the attributes people read, never URLs, ids, data or hashes', () => {
    const html =
      '<html lang="zh-Hant"><head><title>数据来源</title><meta name="description" content="扶助资金发放情况">' +
      '<meta name="generator" content="这个不改"></head><body>' +
      '<a href="/regions/330199101000/" title="青溪镇" data-note="青溪镇" class="区">青溪镇</a>' +
      '<img alt="图表" src="/图.png"><span aria-label="异议受理">异议</span><input placeholder="搜索本站">' +
      '<code data-sha256="ab12" title="ab12">ab12</code></body></html>';
    expect(htmlToTraditional(html)).toBe(
      '<html lang="zh-Hant"><head><title>數據來源</title><meta name="description" content="扶助資金發放情況">' +
        '<meta name="generator" content="这个不改"></head><body>' +
        '<a href="/regions/330199101000/" title="青溪鎮" data-note="青溪镇" class="区">青溪鎮</a>' +
        '<img alt="圖表" src="/图.png"><span aria-label="異議受理">異議</span><input placeholder="搜索本站">' +
        '<code data-sha256="ab12" title="ab12">ab12</code></body></html>',
    );
  });

  it('leaves elements marked translate="no" as they are, however deeply nested', () => {
    const html =
      '<p>查询全文</p><pre translate="no"><code>query 发放 { 县 }</code><pre>内层</pre>仍然不改</pre><p>之后转换</p>';
    expect(htmlToTraditional(html)).toBe(
      '<p>查詢全文</p><pre translate="no"><code>query 发放 { 县 }</code><pre>内层</pre>仍然不改</pre><p>之後轉換</p>',
    );
  });

  it('copies scripts, styles and comments through untouched, even with ">" or "<" inside', () => {
    const html =
      '<p title="a > b 县">县</p><script>if (a < b) { x = "县"; }</script><style>.县::after{content:"县"}</style>' +
      '<!-- 县 --><template><span>县</span></template><svg role="img"><title>图表</title><text x="0">县</text></svg>';
    expect(htmlToTraditional(html)).toBe(
      '<p title="a > b 縣">縣</p><script>if (a < b) { x = "县"; }</script><style>.县::after{content:"县"}</style>' +
        '<!-- 县 --><template><span>縣</span></template><svg role="img"><title>圖表</title><text x="0">縣</text></svg>',
    );
  });

  it('maps text without touching the markup: the identity leaves every page byte for byte', () => {
    const html =
      '<!doctype html><html><body><a href=/x/ class=y>文字</a><br/><img src="a.png" alt=图></body></html>';
    expect(transformHtmlText(html, (t) => t)).toBe(html);
    const seen: string[] = [];
    transformHtmlText(html, (t) => {
      seen.push(t);
      return t;
    });
    expect(seen.filter((t) => t !== '')).toEqual(['文字', '图']);
  });
});
