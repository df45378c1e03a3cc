import { describe, it, expect } from 'vitest';
import {
  formatDocNumber,
  issueDocNumber,
  lastIssued,
  parseDocNumber,
  reserveAfterImport,
  type DocNumberLedger,
} from '../../../shared/domain/doc-number';

describe('formatDocNumber', () => {
  it('writes the GB/T 9704 form with 六角括号', () => {
    expect(formatDocNumber('青工商联交', 2026, 12)).toBe('青工商联交〔2026〕12号');
    expect(formatDocNumber(' 青工商联交 ', 2026, 1)).toBe('青工商联交〔2026〕1号');
  });

  it('refuses an empty prefix and out-of-range numbers', () => {
    expect(() => formatDocNumber('  ', 2026, 1)).toThrow('发文字号前缀不能为空');
    expect(() => formatDocNumber('青工商联交', 2026, 0)).toThrow('文号序号“0”应为正整数');
    expect(() => formatDocNumber('青工商联交', 2026, 1.5)).toThrow(RangeError);
    expect(() => formatDocNumber('青工商联交', 26, 1)).toThrow('年份“26”应为四位数字');
  });
});

describe('parseDocNumber', () => {
  const expected = { prefix: '青工商联交', year: 2026, seq: 12 };

  it.each([
    '青工商联交〔2026〕12号',
    '青工商联交[2026]12号',
    '青工商联交(2026)12号',
    '青工商联交（2026）12号',
    '青工商联交［2026］12号',
    '青工商联交【2026】12号',
    '青工商联交﹝2026﹞12号',
    '青工商联交〔２０２６〕１２号',
    '  青工商联交 〔2026〕 12 号 ',
    '青工商联交〔2026〕012号',
    '青工商联交〔2026〕第12号',
  ])('reads %s', (text) => {
    expect(parseDocNumber(text)).toEqual(expected);
  });

  it('round-trips with formatDocNumber', () => {
    const text = formatDocNumber('临工商联督', 2027, 305);
    expect(parseDocNumber(text)).toEqual({ prefix: '临工商联督', year: 2027, seq: 305 });
  });

  it.each([
    '',
    '青工商联交2026年12号',
    '〔2026〕12号',
    '青工商联交〔2026〕号',
    '青工商联交〔2026〕0号',
    '青工商联交〔2026]12号',
    '青工商联交〔26〕12号',
    '青工商联交〔2026〕12',
  ])('returns null for %s', (text) => {
    expect(parseDocNumber(text)).toBeNull();
  });
});

describe('issueDocNumber', () => {
  it('numbers each year from 1 and returns a new ledger', () => {
    const empty: DocNumberLedger = {};
    const first = issueDocNumber(empty, '青工商联交', 2026);
    expect(first).toEqual({ docNumber: '青工商联交〔2026〕1号', seq: 1, ledger: { '2026': 1 } });
    expect(empty).toEqual({});
    const second = issueDocNumber(first.ledger, '青工商联交', 2026);
    expect(second.docNumber).toBe('青工商联交〔2026〕2号');
    const nextYear = issueDocNumber(second.ledger, '青工商联交', 2027);
    expect(nextYear.docNumber).toBe('青工商联交〔2027〕1号');
    expect(nextYear.ledger).toEqual({ '2026': 2, '2027': 1 });
  });

  it('never reuses a number, even when the latest assignment is deleted', () => {
    let ledger: DocNumberLedger = {};
    const issued: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const next = issueDocNumber(ledger, '青工商联交', 2026);
      issued.push(next.docNumber);
      ledger = next.ledger;
    }
    // The assignment holding 3号 is deleted; the ledger knows nothing of assignments and stays at 3.
    issued.pop();
    const after = issueDocNumber(ledger, '青工商联交', 2026);
    expect(after.docNumber).toBe('青工商联交〔2026〕4号');
    expect(issued).not.toContain(after.docNumber);
  });

  it('refuses a corrupt ledger entry instead of issuing a wrong number', () => {
    const corrupt = { '2026': Number.NaN } as DocNumberLedger;
    expect(() => issueDocNumber(corrupt, '青工商联交', 2026)).toThrow('文号台账中2026年的记录“NaN”无效');
    expect(() => lastIssued({ '2026': -1 }, 2026)).toThrow(RangeError);
    expect(lastIssued({ toString: 5 } as unknown as DocNumberLedger, 2026)).toBe(0);
  });
});

describe('reserveAfterImport', () => {
  it('raises each year to the highest existing number', () => {
    const ledger = reserveAfterImport({ '2026': 3 }, [
      '青工商联交〔2026〕12号',
      '青工商联交[2026]7号',
      '青工商联交〔2025〕40号',
      '不是文号',
      '',
    ]);
    expect(ledger).toEqual({ '2026': 12, '2025': 40 });
    expect(issueDocNumber(ledger, '青工商联交', 2026).docNumber).toBe('青工商联交〔2026〕13号');
  });

  it('never lowers an entry and leaves the input alone', () => {
    const before: DocNumberLedger = { '2026': 20 };
    const after = reserveAfterImport(before, ['青工商联交〔2026〕5号']);
    expect(after).toEqual({ '2026': 20 });
    expect(after).not.toBe(before);
    expect(reserveAfterImport(before, [])).toEqual(before);
  });
});
