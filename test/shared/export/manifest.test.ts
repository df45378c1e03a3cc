import { describe, expect, it } from 'vitest';
import { formatManifestTime, manifestBytes, manifestText } from '../../../shared/export/manifest';

const at = new Date(2026, 10, 18, 9, 5, 7);

describe('manifest', () => {
  it('has a header, a tab-separated line per file and 未写入 with the reason, CRLF throughout', () => {
    const text = manifestText({
      createdAt: at,
      location: 'E:\\青溪区第14次民营企业接待日-交办材料',
      files: [
        {
          fileName: '青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx',
          ok: true,
          size: 20480,
          sha256: 'ab'.repeat(32),
        },
        {
          fileName: '会议纪要.docx',
          ok: false,
          error: {
            code: 'io_failed',
            message: '文件正被其他程序占用，\t“会议纪要.docx”未能写入。\r\n请关闭',
          },
        },
      ],
    });
    const lines = text.split('\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('恳谈会务台 导出清单');
    expect(lines[1]).toBe('导出时间：2026年11月18日 09:05:07');
    expect(lines[2]).toBe('导出位置：E:\\青溪区第14次民营企业接待日-交办材料');
    expect(lines[3]).toBe('文件：共2个，已写入并校验1个，未写入1个');
    expect(lines).toContain('序号\t文件名\t大小（字节）\tSHA-256');
    expect(lines).toContain(
      `1\t青工商联交〔2026〕12号-临江丰泽钢构有限公司-交办单.docx\t20480\t${'ab'.repeat(32)}`,
    );
    expect(lines).toContain(
      '2\t会议纪要.docx\t未写入\t文件正被其他程序占用， “会议纪要.docx”未能写入。 请关闭',
    );
  });

  it('is UTF-8 with a BOM', () => {
    const bytes = manifestBytes('清单\r\n');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFF清单\r\n');
  });

  it('writes the date the Chinese way in local time', () => {
    expect(formatManifestTime(new Date(2027, 0, 2, 23, 59, 0))).toBe('2027年1月2日 23:59:00');
  });
});
