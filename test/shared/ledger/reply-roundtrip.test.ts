// 回复登记表 out and back: the form a department gets (locked cells, lists, date checks, what it was made for), filled
// with exceljs as a department would — good rows and bad ones — read back and planned row by row.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  buildReplyForm,
  REPLY_COLUMNS,
  REPLY_META_SHEET,
  REPLY_SHEET,
  REPLY_STATUS,
} from '../../../shared/ledger/reply-form';
import {
  docKey,
  looseDate,
  planReplyImport,
  readReplyForm,
  ReplyFormError,
  type ImportContext,
} from '../../../shared/ledger/reply-import';
import { applyStep, makeStep } from '../../../shared/domain/follow-up';
import type { Assignment, FollowUpStep } from '../../../shared/domain/types';
import { awaitsDepartment } from '../../../shared/ledger/ledger-item';
import { DEPARTMENTS, callback, close, handedOff, line, moved, reply } from './ledger-fixture';
import { expectNoFormulas, loadWorkbook } from './xlsx-parts';

const TODAY = '2026-11-30';
const FIN = DEPARTMENTS[0]!;

/** The district: 1, 2 and 6 led by 区财政局 (6 already closed), 4 by 区税务局. */
function district() {
  const states = [
    moved(handedOff(1, 'd-fin', '2026-11-25'), []),
    moved(handedOff(2, 'd-fin', '2026-11-05'), []),
    moved(handedOff(4, 'd-tax', '2026-11-20'), []),
    moved(handedOff(6, 'd-fin', '2026-11-02'), [
      reply('2026-11-10'),
      callback('2026-11-11', 'satisfied'),
      close('2026-11-12'),
    ]),
    moved(handedOff(8, 'd-fin', '2026-11-10'), [reply('2026-11-20')]),
  ];
  return states;
}

function context(states: ReturnType<typeof district>): ImportContext {
  return {
    items: new Map(states.map((s) => [s.assignment.id, s])),
    byDoc: new Map(states.map((s) => [docKey(s.assignment.docNumber!), s.assignment.id])),
    departmentName: (id) => DEPARTMENTS.find((d) => d.id === id)?.name ?? '',
    today: TODAY,
  };
}

async function financeForm(states = district(), formId = 'form-fin-1') {
  const items = states.filter((s) => s.assignment.leadDeptId === 'd-fin').map((s) => line(s));
  return buildReplyForm({
    organization: '青溪区工商联',
    department: FIN,
    items: items.filter(awaitsDepartment),
    today: TODAY,
    formId,
  });
}

const col = (header: string) => REPLY_COLUMNS.findIndex((c) => c.header === header) + 1;

/** Fill the form as a department does in Excel: by row, the fields given. */
async function fill(
  bytes: Uint8Array,
  rows: Record<number, Partial<Record<string, string | Date>>>,
): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes);
  const sheet = wb.getWorksheet(REPLY_SHEET)!;
  for (const [row, fields] of Object.entries(rows))
    for (const [header, value] of Object.entries(fields))
      sheet.getRow(Number(row)).getCell(col(header)).value = value!;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('buildReplyForm', () => {
  it('locks what was handed over and opens the department’s columns, with a list and a date check', async () => {
    const wb = await loadWorkbook(await financeForm());
    const sheet = wb.getWorksheet(REPLY_SHEET)!;
    expect(String(sheet.getCell('A1').value)).toBe('青溪区工商联交办事项回复登记表');
    expect(String(sheet.getCell('A2').value)).toContain('承办单位：区财政局');
    expect(sheet.getRow(3).values).toEqual([undefined, ...REPLY_COLUMNS.map((c) => c.header)]);
    // The items waiting for 区财政局's reply, in 文号 order: 1, 2 (8 is replied, 6 is closed, 4 is 区税务局's).
    expect([4, 5].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([
      '青工商联交〔2026〕1号',
      '青工商联交〔2026〕2号',
    ]);
    expect(sheet.getRow(6).getCell(1).value).toBeNull();
    const row = sheet.getRow(5);
    expect(row.getCell(col('反映问题')).protection?.locked).not.toBe(false);
    expect(row.getCell(col('办理结果')).protection?.locked).toBe(false);
    expect(row.getCell(col('办理状态')).dataValidation).toMatchObject({
      type: 'list',
      formulae: [`"${Object.values(REPLY_STATUS).join(',')}"`],
    });
    expect(row.getCell(col('办结日期')).dataValidation).toMatchObject({
      type: 'custom',
      formulae: ['AND(ISNUMBER(K5),K5>=DATE(2026,11,5),K5<=TODAY())'],
    });
    expect(row.getCell(col('联系电话')).numFmt).toBe('@');
    const meta = wb.getWorksheet(REPLY_META_SHEET)!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('B4').value).toBe('d-fin');
    // The protected sheet in the XML: a protection element, the department's cells unlocked.
    await expectNoFormulas(await financeForm(), []);
  });
});

describe('reading and planning returned forms', () => {
  it('plans a reply, a progress note, nothing, and names each bad row by file and row', async () => {
    const states = district();
    const filledBytes = await fill(await financeForm(states), {
      // 1号: done, with the date typed as text.
      4: {
        办理状态: '已办结',
        办理情况: '已审核材料',
        办理结果: '补贴120万元已拨付',
        经办人: '李科长',
        联系电话: '13812345678',
        办结日期: '2026/11/28',
      },
      // 2号: still in hand.
      5: { 办理状态: '办理中', 办理情况: '正在会同经信局核实', 经办人: '赵科员' },
      // 8号 (replied since the form was made): cannot reply again.
      6: {
        文号: '青工商联交〔2026〕8号',
        办理状态: '已办结',
        办理结果: '再次答复',
        经办人: '李科长',
        办结日期: new Date(Date.UTC(2026, 10, 29)),
      },
      // Rows a department adds below: another department's item, an unknown 文号, a closed item, bad fields.
      7: {
        文号: '青工商联交〔2026〕4号',
        办理状态: '已办结',
        办理结果: 'x',
        经办人: 'y',
        办结日期: '2026-11-28',
      },
      8: {
        文号: '青工商联交〔2026〕99号',
        办理状态: '已办结',
        办理结果: 'x',
        经办人: 'y',
        办结日期: '2026-11-28',
      },
      9: {
        文号: '青工商联交(2026)第6号',
        办理状态: '已办结',
        办理结果: 'x',
        经办人: 'y',
        办结日期: '2026-11-28',
      },
      10: { 文号: '青工商联交〔2026〕1号', 办理状态: '办理中', 办理情况: '重复' },
    });
    const form = await readReplyForm('区财政局.xlsx', filledBytes);
    expect(form).toMatchObject({ deptId: 'd-fin', deptName: '区财政局', formId: 'form-fin-1' });
    const plan = planReplyImport([form], context(states));
    const rows = plan.files[0]!.rows;
    const byRow = new Map(rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(4)).toMatchObject({
      outcome: 'reply',
      message: '登记答复（U盘回执，2026-11-28，经办人李科长）',
      input: {
        kind: 'reply',
        way: 'usb',
        on: '2026-11-28',
        handler: '李科长',
        phone: '13812345678',
        content: '办理情况：已审核材料\n办理结果：补贴120万元已拨付',
      },
    });
    expect(byRow.get(5)).toMatchObject({
      outcome: 'progress',
      input: { kind: 'progress', on: TODAY, note: '正在会同经信局核实（经办人赵科员）' },
    });
    expect(byRow.get(6)).toMatchObject({
      outcome: 'error',
      message: '该事项已登记答复（2026-11-20），如需更正请在督办事项页更正',
    });
    expect(byRow.get(7)!.message).toBe('“青工商联交〔2026〕4号”由区税务局牵头，不是本表（区财政局）的事项');
    expect(byRow.get(8)!.message).toBe('文号“青工商联交〔2026〕99号”不存在，请核对');
    expect(byRow.get(9)!.message).toBe('该事项已办结（2026-11-12），无需再登记');
    expect(byRow.get(10)!.message).toBe(
      '“青工商联交〔2026〕1号”已在“区财政局.xlsx”第4行出现，同一事项只导入一次',
    );
    expect(plan.counts).toEqual({ reply: 1, progress: 1, nothing: 0, error: 5 });
  });

  it('reports empty results, bad dates, dates before the handoff and edited locked cells', async () => {
    const states = district();
    const bytes = await fill(await financeForm(states), {
      4: { 办理状态: '已办结', 经办人: '李科长', 办结日期: '2026-11-28' },
      5: { 办理状态: '已办结', 办理结果: '已办', 经办人: '李科长', 办结日期: '2026-11-01' },
      6: { 办理状态: '已办结', 办理结果: '已办', 经办人: '李科长', 办结日期: '下周' },
    });
    const plan = planReplyImport([await readReplyForm('a.xlsx', bytes)], context(states));
    expect(plan.files[0]!.rows.map((r) => r.message)).toEqual([
      '办理结果为空：已办结的事项须填写办理结果',
      '办结日期2026-11-01早于交办日期（2026-11-05）',
      // A row the department added without its 文号.
      '文号为空，无法对应交办件',
    ]);
    const typo = await fill(await financeForm(states), {
      4: { 办理状态: '已办结', 办理结果: '已办', 经办人: '李科长', 办结日期: '下周' },
    });
    expect(
      planReplyImport([await readReplyForm('c.xlsx', typo)], context(states)).files[0]!.rows[0]!.message,
    ).toBe('办结日期“下周”无法识别，请按“2026-12-01”的格式填写');

    // A department that unprotected the sheet and changed the demand: the reply still comes in, flagged.
    const wb = await loadWorkbook(await financeForm(states));
    const sheet = wb.getWorksheet(REPLY_SHEET)!;
    sheet.getRow(4).getCell(col('反映问题')).value = '改过的问题';
    Object.entries({
      办理状态: '已办结',
      办理结果: '已办',
      经办人: '李科长',
      办结日期: '2026-11-28',
    }).forEach(([h, v]) => (sheet.getRow(4).getCell(col(h)).value = v));
    const edited = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const row = planReplyImport([await readReplyForm('b.xlsx', edited)], context(states)).files[0]!.rows[0]!;
    expect(row.outcome).toBe('reply');
    expect(row.warnings).toEqual(['“反映问题”是锁定内容，已被改动；以台账为准，改动不导入']);
  });

  it('records nothing for a row already imported, and again for a row changed since', async () => {
    const states = district();
    const bytes = await fill(await financeForm(states), {
      5: { 办理状态: '办理中', 办理情况: '正在核实' },
    });
    const form = await readReplyForm('a.xlsx', bytes);
    const row5 = (plan: ReturnType<typeof planReplyImport>) =>
      plan.files[0]!.rows.find((r) => r.rowNumber === 5)!;
    const first = row5(planReplyImport([form], context(states)));
    expect(first.outcome).toBe('progress');
    // Applied as the store does.
    const s2 = states[1]!;
    const step = makeStep(s2.assignment, first.input!, {
      id: 'imp-1',
      at: Date.parse('2026-11-30T09:00:00+08:00'),
      by: '王秘书',
    });
    const after: { assignment: Assignment; steps: FollowUpStep[] } = {
      assignment: applyStep(s2.assignment, step, s2.steps),
      steps: [...s2.steps, step],
    };
    const again = row5(planReplyImport([form], context([states[0]!, after, ...states.slice(2)])));
    expect(again).toMatchObject({ outcome: 'nothing', message: '已于2026-11-30导入，不再重复登记' });
    // The department writes more in the same file and sends it again: a new note.
    const more = await readReplyForm('a.xlsx', await fill(bytes, { 5: { 办理情况: '正在核实，下周拨付' } }));
    expect(row5(planReplyImport([more], context([states[0]!, after, ...states.slice(2)]))).outcome).toBe(
      'progress',
    );
    // The same form twice in one import: the second is left out.
    const twice = planReplyImport([form, { ...form, fileName: 'a (1).xlsx' }], context(states));
    expect(twice.files[1]!.error).toBe('与“a.xlsx”是同一张回复登记表，本次只导入其中一份');
  });

  it('refuses files that are not returned forms, saying why', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = '文号';
    const plain = new Uint8Array((await other.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(readReplyForm('名单.xlsx', plain)).rejects.toThrow(
      '“名单.xlsx”不是本系统导出的回复登记表（缺少登记表信息）；请使用从“跟踪督办”导出的回复登记表填写',
    );
    await expect(readReplyForm('a.xlsx', new Uint8Array([80, 75, 3, 4, 1, 2]))).rejects.toBeInstanceOf(
      ReplyFormError,
    );
    await expect(readReplyForm('a.xls', plain)).rejects.toThrow(
      '是旧格式或文本文件；请在 Excel 或 WPS 中打开',
    );
    await expect(readReplyForm('a.pdf', plain)).rejects.toThrow('不是 .xlsx 文件');
    // A zip bomb dressed as a form is refused before anything is inflated.
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', new Uint8Array(64 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(readReplyForm('炸弹.xlsx', bombBytes)).rejects.toThrow(/^“炸弹\.xlsx”无法读取：/);
  });

  it('refuses a workbook far larger than any returned form before reading it', async () => {
    const big = new JSZip();
    // 40 MB of text that compresses normally (not a bomb): more than a form could ever hold.
    const line = '<row><c t="inlineStr"><is><t>企业反映问题文字企业反映问题文字</t></is></c></row>';
    big.file(
      'xl/worksheets/sheet1.xml',
      Array.from({ length: (40 * 1024 * 1024) / line.length }, (_, i) =>
        line.replace('文字', String(i)),
      ).join(''),
    );
    const bytes = await big.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(readReplyForm('大.xlsx', bytes)).rejects.toThrow(
      /^“大\.xlsx”无法读取：文件解压后超过 30 MB/,
    );
  });

  it('reads a form whose sheet the department renamed', async () => {
    const wb = await loadWorkbook(await financeForm());
    wb.getWorksheet(REPLY_SHEET)!.name = '财政局回复';
    const renamed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const form = await readReplyForm('r.xlsx', renamed);
    expect(form.rows.map((r) => r.docNumber)).toEqual(['青工商联交〔2026〕1号', '青工商联交〔2026〕2号']);
  });

  it('reads dates as people type them', () => {
    expect(
      ['2026-12-01', '2026/12/1', '2026.12.1', '2026年12月1日', '20261201', '２０２６-１２-０１'].map(
        looseDate,
      ),
    ).toEqual(Array(6).fill('2026-12-01'));
    expect(['2026-02-30', '12/1', '下周', ''].map(looseDate)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
