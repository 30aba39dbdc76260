import { describe, expect, it } from 'vitest';
import { compileProtectedNames } from './protected-names.ts';

const view = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('protected name matching', () => {
  it('finds exact names anywhere in text, at their byte offset, the longest once per position', () => {
    const names = compileProtectedNames(['张晓娓', '张晓', '欧阳明月', '阿依古丽·买买提']);
    const text = '户主张晓娓领取；欧阳明月的；阿依古丽·买买提。';
    expect(names.find(view(text))).toEqual([
      Buffer.byteLength('户主'),
      Buffer.byteLength('户主张晓娓领取；'),
      Buffer.byteLength('户主张晓娓领取；欧阳明月的；'),
    ]);
  });

  it('ignores masked names, partial names and names shorter than two characters', () => {
    const names = compileProtectedNames(['张晓娓', '李', ' ', '']);
    expect(names.size).toBe(1);
    expect(names.find(view('张*娓 张** *晓娓 张晓 李四 李'))).toEqual([]);
  });
});
