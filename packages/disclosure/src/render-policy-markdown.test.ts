import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup, renderPolicyMarkdown, toPlainExcerpt } from './render-policy-markdown.ts';

describe('renderPolicyMarkdown', () => {
  it('renders headings, lists, emphasis and tables', () => {
    const html = renderPolicyMarkdown(
      '## 一、对象\n\n- **年满60周岁**\n\n| 项目 | 时间 |\n| --- | --- |\n| 初审 | 1月 |\n',
    );
    expect(html).toContain('<h2>一、对象</h2>');
    expect(html).toContain('<strong>年满60周岁</strong>');
    expect(html).toContain('<td>初审</td>');
  });

  // Regression: admins' raw HTML must never reach residents' browsers.
  it('shows raw HTML as text instead of passing it through', () => {
    const html = renderPolicyMarkdown(
      '正文<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n<div onclick="x()">块</div>\n',
    );
    expect(html).not.toMatch(/<script|<img|<div/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src="x" onerror="alert(2)"&gt;');
    expect(findUnsafeMarkup(html)).toBeUndefined();
  });

  it('drops links with unsafe schemes and images, keeping their text', () => {
    const html = renderPolicyMarkdown(
      '[点我](javascript:alert(1)) [官网](https://example.org/a) ![公章](https://t.example/x.png)',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('点我');
    expect(html).toContain('<a href="https://example.org/a">官网</a>');
    expect(html).not.toContain('<img');
    expect(html).toContain('公章');
  });
});

describe('findUnsafeMarkup', () => {
  it('flags tags and attributes Markdown never makes', () => {
    expect(findUnsafeMarkup('<p>好</p>')).toBeUndefined();
    expect(findUnsafeMarkup('<p onclick="x()">好</p>')).toBe('<p onclick="x()">');
    expect(findUnsafeMarkup('<iframe src="x"></iframe>')).toBe('<iframe src="x">');
    expect(findUnsafeMarkup('<a href="javascript:alert(1)">x</a>')).toBe('<a href="javascript:alert(1)">');
    expect(findUnsafeMarkup('<p>&lt;script&gt;</p>')).toBeUndefined();
  });
});

describe('toPlainExcerpt', () => {
  it('strips Markdown and tags and shortens on characters', () => {
    expect(toPlainExcerpt('## 一、标题\n\n**正文**<script>alert(1)</script>[链接](https://a.b)')).toBe(
      '一、标题 正文 alert(1) 链接',
    );
    expect(toPlainExcerpt('阳光村务'.repeat(50), 10)).toBe('阳光村务阳光村务阳光…');
  });
});
