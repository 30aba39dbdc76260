import { describe, expect, it } from 'vitest';
import { compileProtectedNames } from './protected-names.ts';

const view = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const offsets = (...before: string[]): number[] => before.map((b) => Buffer.byteLength(b));

describe('protected name matching', () => {
  it('finds exact names anywhere in text, at their byte offset, the longest once per position', () => {
    const names = compileProtectedNames(['张晓娓', '张晓', '欧阳明月', '阿依古丽·买买提']);
    const text = '户主张晓娓领取；欧阳明月的；阿依古丽·买买提。';
    expect(names.find(view(text))).toEqual(
      offsets('户主', '户主张晓娓领取；', '户主张晓娓领取；欧阳明月的；'),
    );
  });

  it('ignores masked names, partial names and names shorter than two characters', () => {
    const names = compileProtectedNames(['张晓娓', '李', ' ', '']);
    expect(names.size).toBe(1);
    expect(names.find(view('张*娓 张** *晓娓 张晓 李四 李'))).toEqual([]);
  });

  // Regression: the demo county's first build "found" 何一 in 任何一项 and 程安 in 课程安排.
  it('finds a two-character name only where it stands alone, not inside ordinary words', () => {
    const names = compileProtectedNames(['何一', '程安', '李雷', '许可', '王家']);
    expect(names.find(view('任何一项不达标；课程安排表；李雷锋精神'))).toEqual([]);
    const standalone = [
      '<td>李雷</td>',
      '{"name":"李雷"}',
      '领取人：李雷，',
      '“李雷”',
      '、李雷。',
      ',李雷\n',
      '李雷',
      '（李雷）',
      '李雷　何一',
    ];
    for (const text of standalone) expect(names.find(view(text)), text).not.toEqual([]);
    expect(names.find(view('李雷　何一'))).toEqual(offsets('', '李雷　'));
    // Letters and digits glue: a two-character name next to them is part of something else.
    expect(names.find(view('a李雷 李雷1 f何一\u0082'))).toEqual([]);
    // So do invisible characters. Regression: Pagefind's fragments put a zero-width space between the
    // words of 数据许可 (data license) and 王家村; 许可 and 王家 are also people's names.
    expect(names.find(view('数据\u200B许可\u200B. 王家\u200B村 \u00AD李雷\u2060'))).toEqual([]);
  });

  it('still finds a two-character name that a longer protected name starts with, when it stands alone', () => {
    const names = compileProtectedNames(['张伟', '张伟明']);
    expect(names.find(view('张伟明；张伟；张伟东'))).toEqual(offsets('', '张伟明；'));
  });
});
