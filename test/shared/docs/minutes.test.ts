import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { CHAR, TEXT_WIDTH } from '../../../shared/docs/gbt9704';
import { assignmentColumns, buildMinutes, minutesData } from '../../../shared/docs/minutes';
import { widthOf } from '../../../shared/docs/meeting-facts';
import type { DocxParts } from './docx';
import { demoBundle, elements, paragraphs, readDocx, runsWith, tableRows } from './docx';

let bundle: MeetingBundle;
let minutes: DocxParts;
let text: string[];

beforeAll(async () => {
  bundle = await demoBundle();
  minutes = await readDocx(await buildMinutes(minutesData(bundle)));
  text = paragraphs(minutes.document);
});

/** The demo with a mobile number said aloud by the first speaker and written into the written submission. */
function withPhones(b: MeetingBundle): MeetingBundle {
  const spoken = b.minuteEntries.find((m) => m.who === '许家豪')!;
  const written = b.concerns.find((c) => c.channel === '书面')!;
  return {
    ...b,
    minuteEntries: b.minuteEntries.map((m) =>
      m.id === spoken.id ? { ...m, text: `${m.text}我的手机是13812341234，随时联系。` } : m,
    ),
    concerns: b.concerns.map((c) =>
      c.id === written.id ? { ...c, verbatim: `${c.verbatim}联系人手机13912345678。` } : c,
    ),
  };
}

describe('会议纪要 content', () => {
  it('is titled after the meeting, in 方正小标宋简体 2号', () => {
    expect(text[0]).toBe('青溪区第14次“民营企业接待日”会议纪要');
    const title = runsWith(minutes.document, '会议纪要')[0];
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toMatch(/<w:sz w:val="44"\/>/);
  });

  it('states the meeting facts with Chinese dates and the hosting leaders with their titles', () => {
    expect(text).toContain('时间：2026年11月21日 09:20—09:55');
    expect(text).toContain('地点：区工商联三楼会议室');
    expect(text).toContain('接待领导：区委书记王立群，区委常委、常务副区长张明德');
    expect(text).toContain('主持：区人大常委会副主任、区工商联主席孙海燕');
    expect(text).toContain(
      '参会单位：区财政局、区住房和城乡建设局、区应急管理局、经济开发区管委会、区自然资源和规划分局、区公安分局交通警察大队、安富街道办事处',
    );
    expect(text).toContain('参会企业：3家（另有书面反映1家，缺席1家）');
  });

  it('goes speaker by speaker in the speaking order, headed in 楷体, skipping the absent one', () => {
    const headings = text.filter((t) => /^（[一二三四五六七八九十]+）/.test(t));
    expect(headings).toEqual([
      '（一）临江恒泰住房租赁有限公司董事长许家豪',
      '（二）临江丰泽钢构有限公司董事长叶振邦',
      '（三）青溪顺达物流有限公司总经理吴晓光',
      '（四）临江禾香食品有限公司董事长陈美玲（书面反映）',
      '（五）其他发言',
    ]);
    // The presiding leader's closing words are the meeting's requirements, in a section of their own.
    expect(text.filter((t) => /^[一二三四]、/.test(t))).toEqual([
      '一、企业反映问题及现场答复',
      '二、会议要求',
      '三、交办事项',
    ]);
    const requirements = text.indexOf('二、会议要求');
    expect(text[requirements + 1]).toMatch(/^王立群：今天提的问题，能现场答复的已经答复了/);
    expect(runsWith(minutes.document, '（一）临江恒泰')[0]).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runsWith(minutes.document, '一、企业反映问题及现场答复')[0]).toMatch(/w:eastAsia="黑体"/);
    expect(runsWith(minutes.document, '三、交办事项')[0]).toMatch(/w:eastAsia="黑体"/);
  });

  it("contains each speaker's words exactly as recorded, and the written submission", () => {
    const body = text.join('\n');
    for (const m of bundle.minuteEntries) expect(text).toContain(`${m.who}：${m.text}`);
    const written = bundle.concerns.find((c) => c.channel === '书面')!;
    expect(text).toContain(`书面反映：${written.verbatim}`);
    // The words of a concern already in the record are not printed twice.
    expect(body.split('一期项目验收和办证卡在消防这块').length - 1).toBe(1);
  });

  it("keeps each turn's answers and the leader's words with it, in the order said", () => {
    const at = (s: string) => text.findIndex((t) => t.startsWith(s));
    expect(at('叶振邦：')).toBeLessThan(at('区住房和城乡建设局：'));
    expect(at('区住房和城乡建设局：')).toBeLessThan(at('王立群：二期补贴的事'));
    expect(at('王立群：二期补贴的事')).toBeLessThan(at('（三）'));
    expect(at('孙海燕：各位企业家')).toBeLessThan(at('（一）'));
    expect(at('王立群：今天提的问题')).toBeGreaterThan(at('（五）其他发言'));
  });

  it("prints the signed instructions with the sheet's number under each enterprise", () => {
    expect(text).toContain('王立群批示（青工商联交〔2026〕1号）：请财政局本月底前拨付到位，并向企业反馈。');
    expect(text).toContain('王立群批示（青工商联交〔2026〕5号）：请协调加快接电排期。');
  });

  it('lists the 交办事项 in a fixed table whose header repeats on every page', () => {
    const tables = minutes.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(elements(table, 'w:tblLayout')).toEqual([{ 'w:type': 'fixed' }]);
    const grid = elements(table, 'w:gridCol').map((g) => Number(g['w:w']));
    expect(grid).toHaveLength(6);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(table).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    const rows = tableRows(table);
    expect(rows[0]).toEqual(['文号', '企业', '事项', '牵头单位', '配合单位', '办理时限']);
    expect(rows[2]).toEqual([
      '青工商联交〔2026〕2号',
      '临江丰泽钢构有限公司',
      '兑现二期厂房建设项目补贴；城市建设配套费给予政策支持',
      '经济开发区管委会',
      '区财政局、区住房和城乡建设局',
      expect.stringMatching(/^2026年12月\d{1,2}日$/),
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5].map((n) => `青工商联交〔2026〕${n}号`));
    expect(text).toContain('本次会议共形成交办事项5件，具体如下：');
  });

  it('fits the 交办事项 columns to their content: no cell of the demo runs past four lines', () => {
    const data = minutesData(bundle);
    const columns = assignmentColumns(data.assignments);
    expect(columns.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    // Characters of 小四 (12 pt = 240 twips) a column holds, less its padding.
    const holds = columns.map((w) => Math.floor((w - 200) / 240));
    const lines = (text: string, col: number) => Math.ceil(widthOf(text) / holds[col]!);
    for (const r of data.assignments) {
      const tallest = Math.max(
        lines(r.enterprise, 1),
        lines(r.matter, 2),
        lines(r.leadDept, 3),
        lines(r.coDepts, 4),
      );
      expect(tallest, r.docNumber).toBeLessThanOrEqual(4);
    }
    // Short content: the name columns at their narrowest, the 事项 column taking the rest.
    const short = assignmentColumns([
      { docNumber: '', enterprise: '甲公司', matter: '路灯', leadDept: '住建局', coDepts: '', dueDate: '' },
    ]);
    expect(short[1]).toBe(short[3]);
    expect(short[2]).toBeGreaterThan(short[1]!);
  });

  it("names the departments' people who came, who sat in and who kept the record, as entered for the meeting", () => {
    const facts = minutesData({
      ...bundle,
      meeting: {
        ...bundle.meeting,
        attendees: '区财政局副局长刘建国，区住房和城乡建设局副局长周敏',
        observers: '区工商联副主席赵宏',
        recorder: '王小丽',
      },
    }).facts.map((f) => `${f.label}：${f.text}`);
    expect(facts.slice(-4)).toEqual([
      '出席：区财政局副局长刘建国，区住房和城乡建设局副局长周敏',
      '列席：区工商联副主席赵宏',
      '参会企业：3家（另有书面反映1家，缺席1家）',
      '记录：王小丽',
    ]);
  });

  it('names who kept the record, and ends with the 版记: 分送 and the 印发 line with the issue date', async () => {
    expect(text).toContain('记录：李晓燕');
    const data = minutesData(bundle, { issuedOn: '2026-11-30' });
    const doc = paragraphs((await readDocx(await buildMinutes(data))).document);
    expect(doc.slice(-2)).toEqual([
      '分送：出席领导，各参会单位。',
      '临江市青溪区工商业联合会2026年11月30日印发',
    ]);
  });

  it('hangs a fact that wraps under its first character after the colon', () => {
    const facts = minutes.document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?参会单位：[\s\S]*?<\/w:p>/)?.[0] ?? '';
    const ind = elements(facts, 'w:ind')[0]!;
    // 参会单位： is five characters: the first line starts two characters in, the rest under the text.
    expect(Number(ind['w:hanging'])).toBe(5 * CHAR);
    expect(Number(ind['w:left'])).toBe(7 * CHAR);
  });

  it('sets the body in 仿宋_GB2312 3号 with exact 28.95 pt lines', () => {
    const entry = runsWith(minutes.document, '这笔资金市级部分')[0];
    expect(entry).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(entry).toMatch(/<w:sz w:val="32"\/>/);
    const lines = elements(minutes.document, 'w:spacing').filter((s) => s['w:line']);
    expect(lines.every((s) => s['w:lineRule'] === 'exact')).toBe(true);
    expect(lines.filter((s) => s['w:line'] === '579').length).toBeGreaterThan(20);
  });
});

describe('会议纪要 record attribution', () => {
  it("puts an unlinked answer inside a speaker's timed slot with that speaker", () => {
    const third = bundle.queueEntries.find((q) => q.speaker === '吴晓光')!;
    const m5 = bundle.minuteEntries.find((m) => m.who === '吴晓光')!;
    const b: MeetingBundle = {
      ...bundle,
      queueEntries: bundle.queueEntries.map((q) =>
        q.id === third.id ? { ...q, startedAt: m5.at - 60_000, endedAt: m5.at + 5 * 60_000 } : q,
      ),
      minuteEntries: [
        ...bundle.minuteEntries,
        {
          id: 'late',
          meetingId: bundle.meeting.id,
          at: m5.at + 4 * 60_000,
          role: 'department',
          who: '区生态环境分局',
          text: '我们配合交警大队一起调研。',
          history: [],
        },
      ],
    };
    const block = minutesData(b).speakers.find((s) => s.heading.includes('吴晓光'))!;
    expect(block.lines.map((l) => l.label)).toEqual([
      '吴晓光',
      '区公安分局交通警察大队',
      '区生态环境分局',
      '王立群批示（青工商联交〔2026〕4号）',
    ]);
  });

  it('keeps a speaker taken off the list after speaking where they spoke, words and all', () => {
    const second = bundle.queueEntries.find((q) => q.speaker === '叶振邦')!;
    const before = minutesData(bundle).speakers;
    const after = minutesData({
      ...bundle,
      queueEntries: bundle.queueEntries.filter((q) => q.id !== second.id),
    }).speakers;
    expect(after.map((b) => b.heading.slice(0, 8))).toEqual(before.map((b) => b.heading.slice(0, 8)));
    const block = after.find((b) => b.heading.startsWith('临江丰泽钢构有限公司'))!;
    expect(block.lines).toEqual(before.find((b) => b.heading.startsWith('临江丰泽钢构有限公司'))!.lines);
  });

  it('orders the turns by when they began: someone called out of turn comes where they spoke', () => {
    const third = bundle.queueEntries.find((q) => q.speaker === '吴晓光')!;
    const earliest = Math.min(...bundle.minuteEntries.map((m) => m.at));
    const b: MeetingBundle = {
      ...bundle,
      // 吴晓光 was called first, before 许家豪, though listed third.
      queueEntries: bundle.queueEntries.map((q) =>
        q.id === third.id ? { ...q, startedAt: earliest - 120_000 } : q,
      ),
      minuteEntries: bundle.minuteEntries.map((m) =>
        m.who === '吴晓光' ? { ...m, at: earliest - 60_000 } : m,
      ),
    };
    const headings = minutesData(b).speakers.map((s) => s.heading);
    expect(headings[0]).toBe('青溪顺达物流有限公司总经理吴晓光');
    expect(headings[1]).toBe('临江恒泰住房租赁有限公司董事长许家豪');
  });

  it("puts the leaders' closing words under 会议要求 and leaves no 其他发言 when only the leader spoke last", () => {
    const b = { ...bundle, minuteEntries: bundle.minuteEntries.filter((m) => !m.text.startsWith('赵海峰')) };
    const data = minutesData(b);
    expect(data.closing).toBeUndefined();
    expect(data.requirements.map((l) => l.label)).toEqual(['王立群']);
  });
});

describe('会议纪要 phone numbers', () => {
  it('masks mobile numbers in the verbatim words by default', async () => {
    const data = minutesData(withPhones(bundle));
    const all = JSON.stringify(data);
    expect(all).not.toContain('13812341234');
    expect(all).not.toContain('13912345678');
    const doc = paragraphs((await readDocx(await buildMinutes(data))).document).join('\n');
    expect(doc).toContain('我的手机是138****1234，随时联系。');
    expect(doc).toContain('联系人手机139****5678。');
    expect(doc).not.toMatch(/1[3-9]\d{9}/);
  });

  it('shows them with maskPhones: false', async () => {
    const data = minutesData(withPhones(bundle), { maskPhones: false });
    const doc = paragraphs((await readDocx(await buildMinutes(data))).document).join('\n');
    expect(doc).toContain('我的手机是13812341234，随时联系。');
    expect(doc).toContain('联系人手机13912345678。');
  });
});

describe('会议纪要 and unsigned items', () => {
  it('lists a draft and a tampered item as 待签批, without number or instruction, after the signed ones', () => {
    const draftId = bundle.assignments[0]!.id;
    const tamperedId = bundle.assignments[2]!.id;
    const b = {
      ...bundle,
      assignments: bundle.assignments.map((a) =>
        a.id === draftId ? { ...a, status: 'draft' as const, docNumber: undefined } : a,
      ),
    };
    const data = minutesData(b, { problems: { [tamperedId]: '签批后已修改' } });
    expect(data.assignments.map((a) => a.docNumber)).toEqual([
      '青工商联交〔2026〕2号',
      '青工商联交〔2026〕4号',
      '青工商联交〔2026〕5号',
      '待签批',
      '待签批',
    ]);
    expect(data.assignments[3]!.enterprise).toBe('临江恒泰住房租赁有限公司');
    expect(data.assignmentsIntro).toBe('本次会议共形成交办事项5件，其中已签批交办3件，待签批2件，具体如下：');
    const lines = data.speakers.flatMap((s) => s.lines.map((l) => l.label));
    expect(lines.some((l) => l.includes('〔2026〕1号') || l.includes('〔2026〕3号'))).toBe(false);
  });

  it('says so when the meeting produced no 交办事项', () => {
    expect(minutesData({ ...bundle, assignments: [] }).assignmentsIntro).toBe('本次会议未形成交办事项。');
  });
});
