// Leaders and departments pasted in bulk: lines or Excel columns, checked row by row before anything is added.
import { describe, expect, it } from 'vitest';
import {
  previewPastedDepartments,
  previewPastedLeaders,
  splitPastedRows,
} from '../../../shared/domain/settings-rules';

const leaders = [
  { id: 'l1', name: '王立群' },
  { id: 'l2', name: '张明德' },
];
const departments = [
  { id: 'd1', name: '区财政局', shortName: '财政局', aliases: ['财政'] },
  { id: 'd2', name: '区税务局', shortName: '税务局', aliases: ['税务'] },
];

describe('splitPastedRows', () => {
  it('reads Excel columns (tabs, a quoted cell with a line break, CRLF) and skips blank lines', () => {
    expect(splitPastedRows('姓名\t职务\r\n王立群\t"区委书记\n（主持）"\r\n\r\n陈思远\t区长\r\n')).toEqual([
      { line: 1, cells: ['姓名', '职务'] },
      { line: 2, cells: ['王立群', '区委书记（主持）'] },
      { line: 5, cells: ['陈思远', '区长'] },
    ]);
  });

  it('keeps a plain list one entry a line', () => {
    expect(splitPastedRows('区发展和改革局\n\n区财政局  \n')).toEqual([
      { line: 1, cells: ['区发展和改革局'] },
      { line: 3, cells: ['区财政局'] },
    ]);
  });
});

describe('previewPastedLeaders', () => {
  it('reads lines with a space or a comma, and numbered lists', () => {
    const preview = previewPastedLeaders(
      '1. 陈思远 区委副书记、区长\n2、刘静，区委常委、统战部部长\n（三）赵国华  副区长',
      leaders,
    );
    expect(preview.rows.map((r) => r.value)).toEqual([
      { name: '陈思远', title: '区委副书记、区长' },
      { name: '刘静', title: '区委常委、统战部部长' },
      { name: '赵国华', title: '副区长' },
    ]);
    expect(preview.counts).toEqual({ new: 3, existing: 0, invalid: 0 });
  });

  it('reads Excel columns by their header, in any order, with a 序号 column', () => {
    const preview = previewPastedLeaders('序号\t职务\t姓名\n1\t副区长\t赵国华\n2\t区委书记\t王立群', leaders);
    expect(preview.headerLine).toBe(1);
    expect(preview.rows).toMatchObject([
      { line: 2, value: { name: '赵国华', title: '副区长' }, status: 'new' },
      {
        line: 3,
        value: { name: '王立群', title: '区委书记' },
        status: 'existing',
        note: '已有此领导，不重复添加',
      },
    ]);
  });

  it('names the row and the field of every problem, and a name given twice', () => {
    const preview = previewPastedLeaders(
      `赵国华\t副区长\n孙海燕\t\n赵国华\t副区长\n${'长'.repeat(21)}\t副区长`,
      leaders,
    );
    expect(preview.rows.map((r) => [r.line, r.status, r.note])).toEqual([
      [1, 'new', ''],
      [2, 'invalid', '请填写职务'],
      [3, 'invalid', '与第1行重复'],
      [4, 'invalid', '姓名不能超过20个字'],
    ]);
    expect(preview.counts).toEqual({ new: 1, existing: 0, invalid: 3 });
  });
});

describe('previewPastedDepartments', () => {
  it('takes one full name a line (the short name follows the full name when saved)', () => {
    const preview = previewPastedDepartments('区发展和改革局\n区财政局\n区商务局', departments, leaders);
    expect(preview.rows.map((r) => [r.value.name, r.status])).toEqual([
      ['区发展和改革局', 'new'],
      ['区财政局', 'existing'],
      ['区商务局', 'new'],
    ]);
  });

  it('reads 全称 / 简称 / 别称 / 分管领导 columns and finds the leader by name', () => {
    const preview = previewPastedDepartments(
      '部门全称\t简称\t别称\t分管领导\n区商务局\t商务局\t商务、招商\t王立群\n区科学技术局\t科技局\t科技\t周文斌',
      departments,
      leaders,
    );
    expect(preview.rows).toMatchObject([
      {
        value: { name: '区商务局', shortName: '商务局', aliases: ['商务', '招商'], leaderId: 'l1' },
        status: 'new',
        note: '',
      },
      {
        value: { name: '区科学技术局', leaderName: '周文斌' },
        status: 'new',
        note: '领导名单中没有“周文斌”，分管领导暂不设置',
      },
    ]);
    expect(preview.rows[1]!.value.leaderId).toBeUndefined();
  });

  it('refuses a spoken name another department (or a row above) already answers to', () => {
    const preview = previewPastedDepartments(
      '区税务分局\t税务\n区商务局\t商务\n区投资促进局\t商务',
      departments,
      leaders,
    );
    expect(preview.rows.map((r) => [r.line, r.status, r.note])).toEqual([
      [1, 'invalid', '“税务”已用于“区税务局”'],
      [2, 'new', ''],
      [3, 'invalid', '“商务”已用于“区商务局”'],
    ]);
  });
});
