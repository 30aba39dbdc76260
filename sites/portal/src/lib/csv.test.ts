import { describe, expect, it } from 'vitest';
import { CSV_BOM, cellText, datasetToCsv, escapeCsvCell, toCsv, valueAtPath } from './csv.ts';

/** A small RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV downloads', () => {
  it('neutralises cells a spreadsheet would run as a formula, with a leading apostrophe', () => {
    expect(escapeCsvCell('=HYPERLINK("http://evil.example","点击")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""点击"")"',
    );
    expect(escapeCsvCell('+86')).toBe("'+86");
    expect(escapeCsvCell('-2+3')).toBe("'-2+3");
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvCell('\t=1')).toBe("'\t=1");
    expect(escapeCsvCell('\r=1')).toBe('"\'\r=1"');
    // Only the first character matters: inner signs are ordinary text.
    expect(escapeCsvCell('王家村=1')).toBe('王家村=1');
    expect(escapeCsvCell('96000')).toBe('96000');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180) and leaves others bare', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('他说"好"')).toBe('"他说""好"""');
    expect(escapeCsvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(escapeCsvCell('青溪镇')).toBe('青溪镇');
    expect(escapeCsvCell('')).toBe('');
  });

  it('starts with a UTF-8 byte order mark for Excel and ends every line with CRLF', () => {
    const csv = toCsv(
      ['name', 'note'],
      [
        ['王*明', 'a,"b"'],
        ['=1+1', ''],
      ],
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('name,note\r\n王*明,"a,""b"""\r\n\'=1+1,\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ['name', 'note'],
      ['王*明', 'a,"b"'],
      ["'=1+1", ''],
    ]);
  });

  it('reads dotted column paths, through lists too', () => {
    const row = {
      region: { name: '青溪镇' },
      attachments: [{ fileName: 'a.pdf' }, { fileName: 'b.xlsx' }],
      n: 0,
    };
    expect(valueAtPath(row, 'region.name')).toBe('青溪镇');
    expect(cellText(valueAtPath(row, 'attachments.fileName'))).toBe('a.pdf；b.xlsx');
    expect(valueAtPath(row, 'region.code')).toBeUndefined();
    expect(valueAtPath(row, 'constructor')).toBeUndefined();
    expect(cellText(valueAtPath(row, 'n'))).toBe('0');
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('true');
  });

  it('writes one column per declared column, in order, and one line per row', () => {
    const csv = datasetToCsv({
      columns: [
        { name: 'region.name', description: '地区', kind: 'TEXT' },
        { name: 'recipientCount', description: '人数', kind: 'PERSON_COUNT' },
        { name: 'suppressionReason', description: '原因', kind: 'SUPPRESSION_NOTE' },
      ],
      rows: [
        { region: { name: '王家村' }, recipientCount: 12, suppressionReason: null, extra: 'never exported' },
        {
          region: { name: '石岭村' },
          recipientCount: null,
          suppressionReason: '人数少于5人，为保护个人隐私不予公开',
        },
      ],
    });
    expect(parseCsv(csv.slice(1))).toEqual([
      ['region.name', 'recipientCount', 'suppressionReason'],
      ['王家村', '12', ''],
      ['石岭村', '', '人数少于5人，为保护个人隐私不予公开'],
    ]);
    expect(csv).not.toContain('never exported');
  });
});
