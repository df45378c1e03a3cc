import { beforeAll, describe, expect, it } from 'vitest';
import { briefingData, buildBriefing, EARLIER_LIMIT, withNote } from '../../../shared/docs/briefing';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import type { Concern } from '../../../shared/domain/types';
import { demoBundle, paragraphs, readDocx, runsWith, tableRows } from './docx';

let bundle: MeetingBundle;

beforeAll(async () => {
  bundle = await demoBundle();
});

const enterpriseId = (name: string) => bundle.enterprises.find((e) => e.name === name)!.id;

function concern(fields: Partial<Concern> & Pick<Concern, 'enterpriseId' | 'summary'>): Concern {
  return {
    id: `c-${fields.summary}`,
    meetingId: bundle.meeting.id,
    kind: 'problem',
    category: '融资',
    urgency: 'normal',
    verbatim: '',
    channel: '电话',
    minuteEntryIds: [],
    answerEntryIds: [],
    precollected: true,
    createdAt: Date.UTC(2026, 10, 10),
    updatedAt: Date.UTC(2026, 10, 10),
    ...fields,
  };
}

describe('会前材料', () => {
  it('gives the meeting facts and the speaking order with speaker, title and industry', async () => {
    const doc = await readDocx(await buildBriefing(briefingData(bundle)));
    const text = paragraphs(doc.document);
    expect(text[0]).toBe('青溪区第14次“民营企业接待日”会前材料');
    expect(runsWith(doc.document, '会前材料')[0]).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(text).toContain('时间：2026年11月21日 09:20');
    expect(text).toContain('接待领导：区委书记王立群，区委常委、常务副区长张明德');
    expect(text).toContain('发言企业：5家（其中书面反映1家）');
    const rows = tableRows(doc.document);
    expect(rows[0]).toEqual(['序号', '企业名称', '发言人', '行业']);
    expect(rows.slice(1)).toEqual([
      ['1', '临江恒泰住房租赁有限公司', '许家豪（董事长）', '房地产租赁'],
      ['2', '临江丰泽钢构有限公司', '叶振邦（董事长）', '钢结构制造'],
      ['3', '青溪顺达物流有限公司', '吴晓光（总经理）', '交通运输'],
      ['4', '临江华星机械制造有限公司', '赵海峰（董事长，缺席）', '机械制造'],
      ['5', '临江禾香食品有限公司', '陈美玲（董事长，书面反映）', '食品加工'],
    ]);
  });

  it('lists every speaker in order with speaker and line of business, and the demands without doubled brackets', async () => {
    const data = briefingData(bundle);
    expect(data.concernsIntro).toBe('会前共收集诉求1件，涉及1家企业。');
    expect(data.enterprises.map((e) => [e.heading, e.info])).toEqual([
      ['临江恒泰住房租赁有限公司', '发言人：许家豪（董事长）；行业：房地产租赁'],
      ['临江丰泽钢构有限公司', '发言人：叶振邦（董事长）；行业：钢结构制造'],
      ['青溪顺达物流有限公司', '发言人：吴晓光（总经理）；行业：交通运输'],
      ['临江华星机械制造有限公司', '发言人：赵海峰（董事长，缺席）；行业：机械制造'],
      ['临江禾香食品有限公司', '发言人：陈美玲（董事长，书面反映）；行业：食品加工'],
    ]);
    expect(data.enterprises.at(-1)?.concerns).toEqual(['新建冷库专线接电排期过长（书面反映；用电用能，急）']);
    const text = paragraphs((await readDocx(await buildBriefing(data))).document);
    expect(text.filter((t) => t === '本次会前无新收集的诉求。')).toHaveLength(4);
    expect(text.join('\n')).not.toMatch(/）（/);
  });

  it('puts a note in brackets after a text without doubling them', () => {
    expect(withNote('接电排期过长（书面反映）', '用电用能，急')).toBe(
      '接电排期过长（书面反映；用电用能，急）',
    );
    expect(withNote('接电排期过长', '用电用能')).toBe('接电排期过长（用电用能）');
    expect(withNote('（一）开头的括号不算结尾', '融资')).toBe('（一）开头的括号不算结尾（融资）');
    expect(withNote('路灯（园区（二期））', '基础设施')).toBe('路灯（园区（二期）；基础设施）');
    expect(withNote('一句话', '')).toBe('一句话');
  });

  it('adds 此前反映 from earlier meetings, the latest first, at most a few', async () => {
    const id = enterpriseId('临江恒泰住房租赁有限公司');
    const earlier = [1, 2, 3, 4].map((month) =>
      concern({
        enterpriseId: id,
        meetingId: 'earlier',
        summary: `此前诉求${month}`,
        category: '资金补贴',
        createdAt: Date.UTC(2026, month, 5),
      }),
    );
    // How they ended: one on the spot, one signed and closed with the enterprise satisfied, one escalated.
    earlier[3]!.disposition = 'resolved_on_site';
    earlier[2]!.disposition = 'assign';
    earlier[1]!.disposition = 'escalate';
    const data = briefingData({
      ...bundle,
      earlierConcerns: earlier,
      earlierAssignments: [
        {
          concernIds: [earlier[2]!.id],
          docNumber: '青工商联交〔2026〕3号',
          status: 'closed',
          satisfaction: 'satisfied',
        },
      ],
    });
    const block = data.enterprises.find((e) => e.heading === '临江恒泰住房租赁有限公司');
    expect(block?.concerns).toEqual([]);
    expect(block?.earlier).toEqual([
      '2026年5月5日　此前诉求4（资金补贴；现场解决）',
      '2026年4月5日　此前诉求3（资金补贴；青工商联交〔2026〕3号，已办结，企业满意）',
      '2026年3月5日　此前诉求2（资金补贴；已转报上级）',
      `此前另有${4 - EARLIER_LIMIT}件`,
    ]);
    const text = paragraphs((await readDocx(await buildBriefing(data))).document);
    expect(text).toContain('此前反映：2026年5月5日　此前诉求4（资金补贴；现场解决）');
    expect(text).toContain('本次会前无新收集的诉求。');
  });

  it('masks mobile numbers unless told not to', () => {
    const b = {
      ...bundle,
      concerns: [
        ...bundle.concerns,
        concern({ enterpriseId: enterpriseId('临江丰泽钢构有限公司'), summary: '请回电13812341234' }),
      ],
    };
    expect(JSON.stringify(briefingData(b))).toContain('请回电138****1234');
    expect(JSON.stringify(briefingData(b))).not.toContain('13812341234');
    expect(JSON.stringify(briefingData(b, { maskPhones: false }))).toContain('请回电13812341234');
  });
});
