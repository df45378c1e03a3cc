import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Enterprise } from '../../../shared/domain/types';
import {
  IMPORT_EXTENSIONS,
  MAX_IMPORT_BYTES,
  buildImportPreview,
  commitRows,
  importableLines,
} from '../../../shared/directory/import-preview';
import type { ImportPreview } from '../../../shared/directory/types';
import { buildDirectoryXlsx } from '../../../shared/directory/xlsx';

const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../../../shared/fixtures/${name}`, import.meta.url))),
  );
const fixture = (name: string) => ({ name, bytes: fixtureBytes(name) });
const utf8 = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** The preview, failing the test when the file was refused. */
function rowsOf(preview: ImportPreview) {
  if (!preview.ok) throw new Error(`expected a preview, got: ${preview.error}`);
  return preview;
}

/** Ids id-1, id-2 … and a fixed clock. */
function counter() {
  let n = 0;
  return { newId: () => `id-${(n += 1)}`, now: () => 1_700_000_000_000 };
}

async function directoryFrom(name: string): Promise<Enterprise[]> {
  const preview = rowsOf(await buildImportPreview(fixture(name), []));
  return commitRows(preview, importableLines(preview), counter());
}

async function xlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const HEADER = '企业名称,统一社会信用代码,法定代表人,联系人,职务,联系电话,所属行业,所属街道';

describe('buildImportPreview: the fixtures', () => {
  it('enterprises.csv: 24 valid rows, every column recognised', async () => {
    const preview = rowsOf(await buildImportPreview(fixture('enterprises.csv'), []));
    expect(preview.file).toMatchObject({
      fileName: 'enterprises.csv',
      format: 'csv',
      encoding: 'utf-8-bom',
      delimiter: ',',
      headerLine: 1,
      ignoredColumns: [],
      missingFields: [],
      warnings: [],
      otherSheets: [],
    });
    expect(preview.file.columns.map((c) => c.field)).toEqual([
      'name',
      'creditCode',
      'legalRep',
      'contact',
      'contactTitle',
      'phone',
      'industry',
      'street',
    ]);
    expect(preview.counts).toEqual({
      total: 24,
      valid: 24,
      fixable: 0,
      rejected: 0,
      importable: 24,
      update: 0,
      unchanged: 0,
    });
    expect(preview.rows.map((r) => r.line)).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
    for (const row of preview.rows) {
      expect(row, `line ${row.line}`).toMatchObject({ status: 'valid', fixes: [], reasons: [], issues: [] });
    }
    expect(preview.rows[0]?.draft).toEqual({
      name: '临江丰泽钢构有限公司',
      creditCode: '91339901YG58BRK2XB',
      legalRep: '叶振邦',
      contact: '叶振邦',
      contactTitle: '董事长',
      phone: '17102255229',
      industry: '钢结构制造',
      street: '新乐镇',
    });
    expect(preview.rows[19]?.draft.name).toBe('临江·华瑞（集团）有限公司');
    expect(preview.rows[20]?.draft.name).toBe('青溪A&B精密模具有限公司');
  });

  it('enterprises-gbk.csv: decoded as GB18030, the Chinese intact, all valid', async () => {
    const preview = rowsOf(await buildImportPreview(fixture('enterprises-gbk.csv'), []));
    expect(preview.file.encoding).toBe('gb18030');
    expect(preview.file.columns).toHaveLength(8);
    expect(preview.counts).toMatchObject({ total: 10, valid: 10, rejected: 0 });
    const utf = rowsOf(await buildImportPreview(fixture('enterprises.csv'), []));
    expect(preview.rows.map((r) => r.draft)).toEqual(utf.rows.slice(0, 10).map((r) => r.draft));
    expect(preview.rows.map((r) => r.draft.name).slice(0, 3)).toEqual([
      '临江丰泽钢构有限公司',
      '临江蓝湾酒店管理有限公司',
      '青溪红金商贸有限公司',
    ]);
    expect(preview.rows[9]?.draft).toMatchObject({
      name: '临江禾香食品有限公司',
      legalRep: '陈美玲',
      street: '经开区',
    });
  });

  it('enterprises-bad.csv: each bad row with its status and reason', async () => {
    const preview = rowsOf(await buildImportPreview(fixture('enterprises-bad.csv'), []));
    expect(preview.file.encoding).toBe('utf-8');
    expect(preview.counts).toEqual({
      total: 6,
      valid: 0,
      fixable: 2,
      rejected: 4,
      importable: 2,
      update: 0,
      unchanged: 0,
    });
    const [checksum, noName, fullWidthPhone, shortCode, spacedName, shortPhone] = preview.rows;

    expect(checksum).toMatchObject({
      line: 2,
      status: 'rejected',
      reasons: ['第2行 统一社会信用代码：校验位应为“B”而不是“0”，请核对代码是否抄错'],
      fixes: [],
    });
    expect(noName).toMatchObject({ line: 3, status: 'rejected', reasons: ['第3行 企业名称：不能为空'] });
    expect(noName?.draft.creditCode).toBe('91339901CBBKW37DX2');

    expect(fullWidthPhone).toMatchObject({
      line: 4,
      status: 'fixable',
      fixes: ['第4行 联系电话：全角数字已转换，已去除空格'],
      reasons: [],
    });
    expect(fullWidthPhone?.draft.phone).toBe('13800138000');
    expect(fullWidthPhone?.raw.phone).toBe('１３８ ００１３ ８０００');
    expect(fullWidthPhone?.issues).toEqual([
      { kind: 'fix', field: 'phone', text: '全角数字已转换，已去除空格' },
    ]);

    expect(shortCode).toMatchObject({
      line: 5,
      status: 'rejected',
      reasons: ['第5行 统一社会信用代码：长度应为18位，实际为11位'],
    });

    expect(spacedName).toMatchObject({
      line: 6,
      status: 'fixable',
      fixes: ['第6行 企业名称：已去除首尾空格'],
    });
    expect(spacedName?.draft.name).toBe('临江朝晖塑胶有限公司');
    expect(spacedName?.raw.name).toBe('  临江朝晖塑胶有限公司  ');

    expect(shortPhone).toMatchObject({
      line: 7,
      status: 'rejected',
      reasons: [
        '第7行 联系电话：号码位数不对：手机号应为11位，固定电话应为区号加7至8位号码（如0830-5551234）',
      ],
    });
    expect(shortPhone?.draft.phone).toBe('12345');
  });

  it('enterprises-bad.csv after enterprises.csv: a known enterprise with a new phone is an update, conflicts stay refused', async () => {
    const existing = await directoryFrom('enterprises.csv');
    const preview = rowsOf(await buildImportPreview(fixture('enterprises-bad.csv'), existing));
    expect(preview.counts.importable).toBe(0);
    const hongjin = existing.find((e) => e.name === '青溪红金商贸有限公司');
    expect(preview.rows[2]).toMatchObject({
      status: 'update',
      duplicateOfId: hongjin?.id,
      fixes: ['第4行 联系电话：全角数字已转换，已去除空格'],
      reasons: [],
      update: {
        enterpriseId: hongjin?.id,
        name: '青溪红金商贸有限公司',
        changes: [{ field: 'phone', from: '15922499556', to: '13800138000' }],
      },
    });
    // Row 2 has the name of 丰泽 but a mistyped code: both reasons are given.
    expect(preview.rows[0]?.reasons).toEqual([
      '第2行 统一社会信用代码：校验位应为“B”而不是“0”，请核对代码是否抄错',
      '第2行 企业名称：企业库中已有“临江丰泽钢构有限公司”',
    ]);
    // Row 3 has no name but the code of 蓝湾.
    expect(preview.rows[1]?.reasons).toEqual([
      '第3行 企业名称：不能为空',
      '第3行 统一社会信用代码：与企业库中的“临江蓝湾酒店管理有限公司”相同',
    ]);
    // 朝晖 with padded spaces is the same enterprise saying the same: unchanged, nothing to do.
    expect(preview.rows[4]).toMatchObject({ status: 'unchanged', update: { changes: [] } });
    expect(preview.counts).toMatchObject({ update: 1, unchanged: 1, rejected: 4 });
  });
});

describe('commitRows', () => {
  it('makes records of the selected importable rows, with injected ids and time', async () => {
    const preview = rowsOf(await buildImportPreview(fixture('enterprises-bad.csv'), []));
    const records = commitRows(preview, [2, 3, 4, 5, 6, 7, 99], counter());
    expect(records).toEqual([
      {
        id: 'id-1',
        name: '青溪红金商贸有限公司',
        creditCode: '91339901GQUWLD064J',
        legalRep: '刘建国',
        contact: '刘建国',
        contactTitle: '总经理',
        phone: '13800138000',
        industry: '批发零售',
        street: '大渡口镇',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      },
      expect.objectContaining({ id: 'id-2', name: '临江朝晖塑胶有限公司' }),
    ]);
  });

  it('takes only the lines asked for', async () => {
    const preview = rowsOf(await buildImportPreview(fixture('enterprises.csv'), []));
    expect(commitRows(preview, new Set([3, 25]), counter()).map((e) => e.name)).toEqual([
      '临江蓝湾酒店管理有限公司',
      '临江恒泰住房租赁有限公司',
    ]);
    expect(commitRows(preview, [], counter())).toEqual([]);
  });

  it('accepts a timestamp as well as a clock, and makes UUIDs by default', async () => {
    const preview = rowsOf(await buildImportPreview(fixture('enterprises.csv'), []));
    const [record] = commitRows(preview, [2], { now: 42 });
    expect(record?.createdAt).toBe(42);
    expect(record?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives nothing for a refused file', async () => {
    const preview = await buildImportPreview(utf8('空.csv', ''), []);
    expect(commitRows(preview, [1, 2, 3])).toEqual([]);
    expect(importableLines(preview)).toEqual([]);
  });

  it('imports nothing new the second time', async () => {
    const existing = await directoryFrom('enterprises.csv');
    expect(existing).toHaveLength(24);
    const again = rowsOf(await buildImportPreview(fixture('enterprises.csv'), existing));
    expect(again.counts).toEqual({
      total: 24,
      valid: 0,
      fixable: 0,
      rejected: 0,
      importable: 0,
      update: 0,
      unchanged: 24,
    });
    again.rows.forEach((row, i) => expect(row.duplicateOfId).toBe(existing[i]?.id));
    expect(
      commitRows(
        again,
        again.rows.map((r) => r.line),
        counter(),
      ),
    ).toEqual([]);
    // The same enterprises from the GBK file are duplicates too.
    const gbk = rowsOf(await buildImportPreview(fixture('enterprises-gbk.csv'), existing));
    expect(gbk.counts.importable).toBe(0);
  });
});

describe('buildImportPreview: rows', () => {
  it('counts rows as Excel does: title rows, empty rows and multi-line cells', async () => {
    const text = [
      '青溪区民营企业名录（2026年）,,',
      ',,',
      '序号,企业名称,联系电话',
      '1,临江丰泽钢构有限公司,17102255229',
      ',,',
      '2,"临江蓝湾酒店',
      '管理有限公司",13715213350',
      '3,青溪红金商贸有限公司,15922499556',
    ].join('\r\n');
    const preview = rowsOf(await buildImportPreview(utf8('名录.csv', text), []));
    expect(preview.file.headerLine).toBe(3);
    expect(preview.file.ignoredColumns).toEqual([
      { index: 0, header: '序号', reason: '无法识别的列，不导入' },
    ]);
    expect(preview.file.missingFields).toEqual([
      'creditCode',
      'legalRep',
      'contact',
      'contactTitle',
      'industry',
      'street',
    ]);
    expect(preview.rows.map((r) => [r.line, r.draft.name])).toEqual([
      [4, '临江丰泽钢构有限公司'],
      [6, '临江蓝湾酒店管理有限公司'],
      [7, '青溪红金商贸有限公司'],
    ]);
    expect(preview.rows[1]?.fixes).toEqual(['第6行 企业名称：已去除换行，已去除中间多余的空格']);
  });

  it('rejects a later row of the same file by name (brackets and case aside) or by code', async () => {
    const text = [
      HEADER,
      '临江·华瑞（集团）有限公司,91339901T2PD889Y7B,钱振华,钱振华,董事长,15606257689,综合,永宁街道',
      '临江·华瑞(集团)有限公司,,钱振华,钱振华,董事长,15606257689,综合,永宁街道',
      '华瑞新公司,91339901t2pd889y7b,钱振华,钱振华,董事长,15606257689,综合,永宁街道',
    ].join('\n');
    const preview = rowsOf(await buildImportPreview(utf8('dup.csv', text), []));
    expect(preview.rows.map((r) => r.status)).toEqual(['valid', 'rejected', 'rejected']);
    expect(preview.rows[1]).toMatchObject({
      duplicateOfLine: 2,
      reasons: ['第3行 企业名称：与本文件第2行重复'],
    });
    expect(preview.rows[2]).toMatchObject({
      duplicateOfLine: 2,
      reasons: ['第4行 统一社会信用代码：与本文件第2行相同'],
      fixes: ['第4行 统一社会信用代码：小写字母已改为大写'],
    });
    expect(preview.rows[1]?.duplicateOfId).toBeUndefined();
  });

  it('lets a corrected copy further down import when the first row is refused', async () => {
    const text = [HEADER, '临江丰泽钢构有限公司,,,,,12345,,', '临江丰泽钢构有限公司,,,,,17102255229,,'].join(
      '\n',
    );
    const preview = rowsOf(await buildImportPreview(utf8('fix.csv', text), []));
    expect(preview.rows.map((r) => r.status)).toEqual(['rejected', 'valid']);
  });

  it('reads fixable cases: +86, spaced phones, full-width code, padded person names', async () => {
    const text = [
      HEADER,
      '临江丰泽钢构有限公司,９１３３９９０１ＹＧ５８ＢＲＫ２ＸＢ,叶 振邦,邓\u3000伟,董事长,+86 171 0225 5229,钢结构制造,新乐镇',
    ].join('\n');
    const [row] = rowsOf(await buildImportPreview(utf8('fix.csv', text), [])).rows;
    expect(row?.status).toBe('fixable');
    expect(row?.draft).toMatchObject({
      creditCode: '91339901YG58BRK2XB',
      legalRep: '叶振邦',
      contact: '邓伟',
      phone: '17102255229',
    });
    expect(row?.fixes).toEqual([
      '第2行 统一社会信用代码：全角字符已转换',
      '第2行 法定代表人：已去除姓名中间的空格',
      '第2行 联系人：已去除姓名中间的空格',
      '第2行 联系电话：已去除+86，已去除空格',
    ]);
  });

  it('accepts rows without credit code or phone (small firms)', async () => {
    const preview = rowsOf(await buildImportPreview(utf8('min.csv', '企业名称\n青溪老街小吃店\n'), []));
    expect(preview.rows[0]).toMatchObject({
      status: 'valid',
      draft: { name: '青溪老街小吃店', creditCode: '', phone: '' },
    });
  });

  it('reads short rows as empty cells', async () => {
    const preview = rowsOf(await buildImportPreview(utf8('short.csv', `${HEADER}\n青溪老街小吃店,\n`), []));
    expect(preview.rows[0]?.status).toBe('valid');
  });
});

describe('buildImportPreview: file formats', () => {
  it('reads Excel "Unicode text": UTF-16LE, tab-separated, .txt', async () => {
    const text = '单位名称\t手机号\r\n临江丰泽钢构有限公司\t17102255229\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const preview = rowsOf(await buildImportPreview({ name: '名录.txt', bytes }, []));
    expect(preview.file).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    expect(preview.rows[0]).toMatchObject({ status: 'valid', draft: { phone: '17102255229' } });
  });

  it('reads a text table that a web system saved as .xls, and says so', async () => {
    const preview = rowsOf(
      await buildImportPreview(utf8('导出.xls', '企业名称\t电话\n丰泽\t17102255229\n'), []),
    );
    expect(preview.file.warnings).toEqual(['文件扩展名是 .xls，但内容是文本表格，已按 CSV 读取']);
    expect(preview.counts.valid).toBe(1);
  });

  it('reads an XLSX with a title row above the header, numeric phones and a second sheet', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('2026年名录');
      ws.mergeCells('A1:E1');
      ws.getCell('A1').value = '青溪区民营企业名录';
      ws.getRow(2).values = ['序号', '企业全称', '社会信用代码', '手机', '所属镇街'];
      ws.getRow(3).values = [1, '临江丰泽钢构有限公司', '91339901YG58BRK2XB', 17102255229, '新乐镇'];
      ws.getRow(4).values = [
        2,
        { richText: [{ text: '临江蓝湾酒店管理' }, { text: '有限公司' }] },
        '91339901CBBKW37DX2',
        13715213350,
        '新乐镇',
      ];
      ws.getRow(6).values = [
        3,
        '青溪红金商贸有限公司',
        '',
        { formula: '15922499556', result: 15922499556 },
        '大渡口镇',
      ];
      wb.addWorksheet('填表说明');
    });
    const preview = rowsOf(await buildImportPreview({ name: '名录.xlsx', bytes }, []));
    expect(preview.file).toMatchObject({
      format: 'xlsx',
      sheetName: '2026年名录',
      otherSheets: ['填表说明'],
      headerLine: 2,
      warnings: ['只读取了第一个工作表“2026年名录”，另有1个工作表未读取'],
    });
    expect(preview.file.encoding).toBeUndefined();
    expect(preview.file.columns.map((c) => c.field)).toEqual(['name', 'creditCode', 'phone', 'street']);
    expect(preview.rows.map((r) => [r.line, r.status, r.draft.name, r.draft.phone])).toEqual([
      [3, 'valid', '临江丰泽钢构有限公司', '17102255229'],
      [4, 'valid', '临江蓝湾酒店管理有限公司', '13715213350'],
      [6, 'valid', '青溪红金商贸有限公司', '15922499556'],
    ]);
  });

  it('round-trips the export: all valid into an empty directory, nothing new into the same one', async () => {
    const existing = await directoryFrom('enterprises.csv');
    const bytes = await buildDirectoryXlsx(existing);
    const fresh = rowsOf(await buildImportPreview({ name: '企业库.xlsx', bytes }, []));
    expect(fresh.counts).toMatchObject({ total: 24, valid: 24 });
    expect(fresh.rows.map((r) => r.draft)).toEqual(
      existing.map(({ id: _id, createdAt: _c, updatedAt: _u, ...d }) => d),
    );
    const again = rowsOf(await buildImportPreview({ name: '企业库.xlsx', bytes }, existing));
    expect(again.counts.importable).toBe(0);
    expect(
      commitRows(
        again,
        again.rows.map((r) => r.line),
      ),
    ).toEqual([]);
  });

  it('reads a workbook by its content even when named .csv', async () => {
    const bytes = await buildDirectoryXlsx([]);
    const preview = await buildImportPreview({ name: '改了名.csv', bytes }, []);
    expect(preview).toMatchObject({ ok: false, code: 'header_only' });
  });
});

describe('buildImportPreview: files it refuses, each with a Chinese message naming the file', () => {
  it('an empty file', async () => {
    expect(await buildImportPreview({ name: '空.csv', bytes: new Uint8Array(0) }, [])).toEqual({
      ok: false,
      fileName: '空.csv',
      code: 'empty',
      error: '无法导入“空.csv”：文件为空',
    });
    expect(await buildImportPreview(utf8('空白.csv', '\uFEFF\r\n , ,\r\n\r\n'), [])).toMatchObject({
      code: 'empty',
      error: '无法导入“空白.csv”：文件为空',
    });
  });

  it('a header without data', async () => {
    expect(await buildImportPreview(utf8('表头.csv', `\uFEFF${HEADER}\r\n,,,,,,,\r\n\r\n`), [])).toEqual({
      ok: false,
      fileName: '表头.csv',
      code: 'header_only',
      error: '无法导入“表头.csv”：只有表头，没有企业数据',
    });
    const bytes = await buildDirectoryXlsx([]);
    expect(await buildImportPreview({ name: '模板.xlsx', bytes }, [])).toMatchObject({ code: 'header_only' });
  });

  it('no name column in the first 10 rows', async () => {
    expect(await buildImportPreview(utf8('联系人.csv', '联系人,电话\n叶振邦,17102255229\n'), [])).toEqual({
      ok: false,
      fileName: '联系人.csv',
      code: 'no_name_column',
      error:
        '无法导入“联系人.csv”：前10行中找不到“企业名称”列（也可写作“单位名称”“企业全称”“公司名称”），请确认表格有一行列标题',
    });
  });

  it('a truncated XLSX', async () => {
    const whole = await buildDirectoryXlsx(await directoryFrom('enterprises.csv'));
    const half = whole.slice(0, Math.floor(whole.length / 2));
    const preview = await buildImportPreview({ name: '企业库.xlsx', bytes: half }, []);
    expect(preview).toMatchObject({ ok: false, code: 'unreadable_xlsx' });
    expect(!preview.ok && preview.error).toMatch(/^无法导入“企业库\.xlsx”：文件不完整或已损坏/);
  });

  it('an .xlsx that is not a workbook at all', async () => {
    const preview = await buildImportPreview(utf8('假的.xlsx', '企业名称\n丰泽\n'), []);
    expect(preview).toMatchObject({ ok: false, code: 'unreadable_xlsx' });
    expect(!preview.ok && preview.error).toContain('不是有效的 Excel 工作簿');
  });

  it('a file larger than 20 MB', async () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1024 * 1024);
    expect(await buildImportPreview({ name: '大.csv', bytes }, [])).toEqual({
      ok: false,
      fileName: '大.csv',
      code: 'too_large',
      error: '无法导入“大.csv”：文件过大（21 MB），最多导入 20 MB；请把表格拆成几个文件分别导入',
    });
  });

  it('unsupported types: Word, PDF, WPS, none', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await buildImportPreview({ name: '名录.doc', bytes }, [])).toEqual({
      ok: false,
      fileName: '名录.doc',
      code: 'unsupported_type',
      error:
        '无法导入“名录.doc”：不支持.doc 文件；请使用 Excel 工作簿（.xlsx）或 CSV 文件（.csv），可在 Excel 或 WPS 中“另存为”这两种格式',
    });
    expect(await buildImportPreview({ name: '名录.docx', bytes }, [])).toMatchObject({
      code: 'unsupported_type',
    });
    expect(await buildImportPreview({ name: '名录.PDF', bytes }, [])).toMatchObject({
      code: 'unsupported_type',
    });
    expect(await buildImportPreview({ name: '名录.et', bytes }, [])).toMatchObject({
      error: '无法导入“名录.et”：不支持.et 文件；请在 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入',
    });
    expect(await buildImportPreview({ name: '名录', bytes }, [])).toMatchObject({
      error: expect.stringContaining('不支持没有扩展名的文件'),
    });
    expect(IMPORT_EXTENSIONS).toEqual(['xlsx', 'xlsm', 'csv', 'txt', 'tsv', 'xls']);
  });

  it('an old .xls workbook, and an encrypted .xlsx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await buildImportPreview({ name: '名录.xls', bytes: ole }, [])).toMatchObject({
      code: 'unsupported_type',
      error:
        '无法导入“名录.xls”：这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入',
    });
    expect(await buildImportPreview({ name: '加密.xlsx', bytes: ole }, [])).toMatchObject({
      code: 'unsupported_type',
      error: expect.stringContaining('文件设置了打开密码'),
    });
  });

  it('an HTML table saved as .xls', async () => {
    const preview = await buildImportPreview(
      utf8('导出.xls', '<html><body><table><tr><td>企业名称</td></tr></table>'),
      [],
    );
    expect(preview).toMatchObject({
      ok: false,
      code: 'not_text',
      error: expect.stringContaining('网页（HTML/XML）格式'),
    });
  });

  it('binary content', async () => {
    const preview = await buildImportPreview(
      { name: '图片.csv', bytes: new Uint8Array([0x89, 0x50, 0, 0, 1, 2]) },
      [],
    );
    expect(preview).toMatchObject({ ok: false, code: 'not_text' });
  });

  it('a quote that never closes', async () => {
    const text = `${HEADER}\n临江丰泽钢构有限公司,,,,,,,\n"临江蓝湾,,,,,,,\n青溪红金商贸有限公司,,,,,,,\n`;
    expect(await buildImportPreview(utf8('引号.csv', text), [])).toMatchObject({
      ok: false,
      code: 'malformed_csv',
      error: expect.stringMatching(/^无法导入“引号\.csv”：第3行有一个没有配对的英文双引号/),
    });
  });
});
