// The month's exchange package: two districts' packages built from the same worked-out district (one narrowed to
// county meetings, as a second district), signed, read back, merged; a changed figure, a swapped key, another
// format, a newer version, a duplicate and another period each refused with the reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import { monthPeriod } from '../../../shared/domain/periods';
import { computeStats, prepareStats, type StatsQuery } from '../../../shared/domain/statistics';
import {
  buildExchangePackage,
  combinedFigures,
  keyFingerprint,
  mergePackages,
  newSigningKey,
  readExchangePackage,
  signingKey,
  type ExchangePackage,
  type SigningKey,
} from '../../../shared/exchange/monthly-package';
import { DATA, TODAY } from '../domain/statistics-fixture';

const prepared = prepareStats(DATA);
const query = (over: Partial<StatsQuery> = {}): StatsQuery => ({
  period: monthPeriod(2026, 11),
  today: TODAY,
  table: SHIPPED_HOLIDAYS,
  ...over,
});
const items = new Map(
  DATA.assignments.map((a) => [
    a.id,
    {
      docNumber: a.docNumber ?? '',
      meetingKind: '接待日',
      enterprise: `企业${a.id}`,
      demand: '诉求',
      category: '融资',
      leadDept: a.leadDeptId,
      state: a.status,
      satisfaction: a.satisfaction ?? '',
      round: a.round ?? 1,
      escalatedTo: a.escalatedTo ?? '',
    },
  ]),
);
const encode = (text: string) => new TextEncoder().encode(text);

let qingxi: SigningKey;
let linjiang: SigningKey;
let a: string;
let b: string;

beforeAll(async () => {
  qingxi = await signingKey((await newSigningKey()).privateJwk);
  linjiang = await signingKey((await newSigningKey()).privateJwk);
  a = await buildExchangePackage({
    district: { name: '青溪区工商联', shortName: '青溪区工商联' },
    stats: computeStats(prepared, query()),
    items,
    generatedAt: Date.parse('2026-12-10T10:00:00+08:00'),
    app: '0.1.0',
    key: qingxi,
  });
  b = await buildExchangePackage({
    district: { name: '临江区工商联', shortName: '临江区工商联' },
    stats: computeStats(prepared, query({ level: 'county' })),
    items,
    generatedAt: Date.parse('2026-12-10T11:00:00+08:00'),
    app: '0.1.0',
    key: linjiang,
  });
});

describe('the exchange package', () => {
  it('carries the figures, the items with the figures they count in, and reads back signed', async () => {
    const pkg = await readExchangePackage('青溪.json', encode(a));
    expect(pkg.format).toBe('kentan-monthly-exchange');
    expect(pkg.period).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30', label: '2026年11月' });
    expect(pkg.figures).toMatchObject({
      meetings: 2,
      demands: 5,
      handedOff: 6,
      onTime: { numerator: 4, denominator: 7 },
      satisfiedOrBasic: { numerator: 2, denominator: 3 },
      replyDays: { totalWorkingDays: 66, replies: 6 },
    });
    const a2 = pkg.items.find((i) => i.docNumber === '青工商联交〔2026〕a2号')!;
    expect(a2.in).toEqual(['handedOff', 'dueInPeriod', 'overdue', 'evaluated', 'satisfiedOrBasic']);
    // a1 (handed over in October) is in the month's figures by its reply and 回访.
    expect(pkg.items.find((i) => i.docNumber === '青工商联交〔2026〕a1号')!.in).toEqual([
      'dueInPeriod',
      'onTime',
      'evaluated',
      'satisfied',
      'satisfiedOrBasic',
    ]);
    expect(await keyFingerprint(pkg.publicKey)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('merges two districts of one period, adding counts and shares by their numbers', async () => {
    const packages = [
      await readExchangePackage('青溪.json', encode(a)),
      await readExchangePackage('临江.json', encode(b)),
    ];
    const merged = mergePackages(packages);
    expect(merged.ok).toBe(true);
    const f = combinedFigures(packages);
    // 临江 (county meetings only): m2's 4 items handed over; due: a1, a7 (from m1), a2, a3, a6, a9 — 4 on time.
    expect(packages[1]!.figures).toMatchObject({
      meetings: 1,
      handedOff: 4,
      onTime: { numerator: 4, denominator: 6 },
    });
    expect(f).toMatchObject({ meetings: 3, handedOff: 10, onTime: { numerator: 8, denominator: 13 } });
    expect(f.replyDays.replies).toBe(
      packages[0]!.figures.replyDays.replies + packages[1]!.figures.replyDays.replies,
    );
  });

  it('refuses a duplicate and another period', async () => {
    const pa = await readExchangePackage('青溪.json', encode(a));
    expect(mergePackages([pa, pa])).toEqual({ ok: false, error: '青溪区工商联2026年11月的交换包重复导入' });
    const december = await buildExchangePackage({
      district: { name: '临江区工商联', shortName: '临江区工商联' },
      stats: computeStats(prepared, query({ period: monthPeriod(2026, 12) })),
      items,
      generatedAt: 0,
      app: '0.1.0',
      key: linjiang,
    });
    const pd = await readExchangePackage('临江12月.json', encode(december));
    expect(mergePackages([pa, pd])).toEqual({
      ok: false,
      error: '临江区工商联的交换包是2026年12月，与青溪区工商联的2026年11月不是同一统计期，不能合并',
    });
  });

  it('refuses a changed figure, a swapped key, another file, another version, a broken file', async () => {
    const parsed = JSON.parse(a) as ExchangePackage;
    const changed = JSON.stringify({ ...parsed, figures: { ...parsed.figures, meetings: 3 } });
    await expect(readExchangePackage('改.json', encode(changed))).rejects.toThrow(
      '“改.json”的签名不符：内容在导出后被改动过，或文件不完整；请向报送单位索取原文件',
    );
    const swapped = JSON.stringify({ ...parsed, publicKey: (JSON.parse(b) as ExchangePackage).publicKey });
    await expect(readExchangePackage('换.json', encode(swapped))).rejects.toThrow('的签名不符');
    await expect(readExchangePackage('x.json', encode('{"format":"other","version":1}'))).rejects.toThrow(
      '“x.json”不是恳谈会务台的月度交换包',
    );
    await expect(
      readExchangePackage('v.json', encode(JSON.stringify({ ...parsed, version: 2 }))),
    ).rejects.toThrow('是更新的格式（第2版），请先升级本软件');
    await expect(readExchangePackage('cut.json', encode(a.slice(0, a.length / 2)))).rejects.toThrow(
      '不是有效的 JSON 文件',
    );
    const extra = JSON.stringify({ ...parsed, extra: 1 });
    await expect(readExchangePackage('e.json', encode(extra))).rejects.toThrow('的内容不符合交换包格式');
    await expect(readExchangePackage('gbk.json', new Uint8Array([0xc7, 0xe0, 0xcf, 0xaa]))).rejects.toThrow(
      '不是有效的 JSON',
    );
  });
});
