/**
 * The demo's 跟踪督办: two earlier reception days whose 交办件 were signed, handed over and followed, so a newcomer
 * opening 跟踪督办 sees every state — 已销号, 已办结, 待回访 after a 重办, 已转报, 红色预警, 黄色预警 (近期限 and 今日到期),
 * 待重办 after an unsatisfied 回访, and items going well — and a 现场解决 demand counted on the board.
 *
 * Pure records and a script of what happened when; the desk plays the script through its own repositories
 * (renderer/db/demo-follow-up-loader.ts), so signatures, hashes and the audit chain are as real as any.
 */
import type { DemoDataset } from './demo-dataset';
import type { StepInput } from '../domain/follow-up';
import { addCalendarDays } from '../domain/workdays';
import type { Assignment, Concern, Id, IsoDate, Meeting } from '../domain/types';

/** One thing that happened, at a China-time instant. */
export type DemoAction =
  | { at: number; kind: 'sign'; assignmentId: Id; signer: Id }
  | { at: number; kind: 'hand_off'; assignmentIds: Id[] }
  | { at: number; kind: 'step'; assignmentId: Id; input: StepInput };

export interface DemoFollowUp {
  meetings: Meeting[];
  concerns: Concern[];
  /** Drafts as 拟办 left them; the script signs and hands them over. */
  assignments: Assignment[];
  /** In the order they happened. */
  actions: DemoAction[];
}

/** A step without its day: the script gives the day. */
type Undated<T> = T extends unknown ? Omit<T, 'on'> : never;

/** 10:00 China time on a date. */
const at = (date: IsoDate, hour = 10, minute = 0) =>
  Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/** The follow-up demo for a dataset built for `today`. */
export function buildDemoFollowUp(demo: DemoDataset, today: IsoDate, newId: () => Id): DemoFollowUp {
  const day = (offset: number) => addCalendarDays(today, offset);
  const leader = (name: string) => demo.leaders.find((l) => l.name === name)!;
  const dept = (name: string) => demo.departments.find((d) => d.name === name)!;
  const ent = (name: string) => demo.enterprises.find((e) => e.name === name)!;
  const meetings: Meeting[] = [];
  const concerns: Concern[] = [];
  const assignments: Assignment[] = [];
  const actions: DemoAction[] = [];

  const meeting = (edition: number, offset: number, theme: string, host: string): Meeting => {
    const date = day(offset);
    const m: Meeting = {
      id: newId(),
      kind: 'reception',
      title: `青溪区第${edition}次“民营企业接待日”`,
      edition,
      theme,
      date,
      startTime: '09:00',
      place: '区工商联三楼会议室',
      level: 'county',
      status: 'signing',
      hostLeaderIds: [leader(host).id],
      attendingDeptIds: [],
      startedAt: at(date, 9),
      endedAt: at(date, 11, 30),
      createdAt: at(date, 8),
      updatedAt: at(date, 11, 30),
    };
    meetings.push(m);
    return m;
  };

  const item = (
    m: Meeting,
    enterprise: string,
    demand: { category: string; summary: string; verbatim: string },
    lead: { leader: string; dept: string; co?: string[] },
    instruction: string,
  ): Assignment => {
    const made = at(m.date, 11, 40 + assignments.length);
    const c: Concern = {
      id: newId(),
      meetingId: m.id,
      enterpriseId: ent(enterprise).id,
      kind: 'problem',
      urgency: 'urgent',
      channel: '现场',
      disposition: 'assign',
      minuteEntryIds: [],
      answerEntryIds: [],
      precollected: false,
      suggestedDeptId: dept(lead.dept).id,
      createdAt: made,
      updatedAt: made,
      ...demand,
    };
    concerns.push(c);
    const a: Assignment = {
      id: newId(),
      meetingId: m.id,
      enterpriseId: c.enterpriseId,
      concernIds: [c.id],
      leadLeaderId: leader(lead.leader).id,
      leadDeptId: dept(lead.dept).id,
      coDeptIds: (lead.co ?? []).map((n) => dept(n).id),
      instruction,
      // 办理时限: two days to hand over, fourteen to reply (the default rules, in calendar days).
      dueAt: addCalendarDays(m.date, 16),
      status: 'draft',
      createdAt: made,
      updatedAt: made,
    };
    assignments.push(a);
    for (const id of [a.leadDeptId, ...a.coDeptIds])
      if (!m.attendingDeptIds.includes(id)) m.attendingDeptIds.push(id);
    actions.push({
      at: at(m.date, 15, assignments.length),
      kind: 'sign',
      assignmentId: a.id,
      signer: m.hostLeaderIds[0]!,
    });
    return a;
  };

  const step = (a: Assignment, offset: number, input: Undated<StepInput>) =>
    actions.push({
      at: at(day(offset), 10, 0),
      kind: 'step',
      assignmentId: a.id,
      input: { ...input, on: day(offset) } as StepInput,
    });
  const reply = (a: Assignment, offset: number, content: string, handler: string, phone: string) =>
    step(a, offset, { kind: 'reply', content, handler, phone, way: 'written' });
  const callback = (
    a: Assignment,
    offset: number,
    satisfaction: 'satisfied' | 'basically' | 'unsatisfied',
    words: string,
  ) =>
    step(a, offset, {
      kind: 'callback',
      caller: demo.organization.contactPerson,
      way: 'phone',
      satisfaction,
      words,
    });

  // ── 第12次, about two months ago: mostly done ──────────────────────────────────────────────
  const m12 = meeting(12, -58, '企业融资与要素保障', '王立群');
  const a1 = item(
    m12,
    '临江华星机械制造有限公司',
    {
      category: '融资',
      summary: '技改项目贷款审批慢',
      verbatim: '我们的技改贷款在银行压了两个多月，希望帮忙协调。',
    },
    { leader: '王立群', dept: '区财政局' },
    '请财政局协调合作银行，两周内给企业明确答复。',
  );
  const a2 = item(
    m12,
    '临江朝晖塑胶有限公司',
    {
      category: '用地',
      summary: '扩建用地规划调整',
      verbatim: '厂区东侧空地想扩建仓库，规划上一直批不下来。',
    },
    { leader: '张明德', dept: '区自然资源和规划分局', co: ['经济开发区管委会'] },
    '请自然资源分局会同开发区研究，依法依规给出办理路径。',
  );
  const a3 = item(
    m12,
    '青溪利钢金属制品有限公司',
    {
      category: '用电用能',
      summary: '错峰用电影响订单交付',
      verbatim: '错峰用电每周停两天，订单交不了货，希望调整。',
    },
    { leader: '赵国华', dept: '区经济和信息化局', co: ['国网青溪供电公司'] },
    '请经信局会同供电公司研究错峰方案，尽量减少对企业生产的影响。',
  );
  const a4 = item(
    m12,
    '临江永安矿山机械制造有限公司',
    {
      category: '政策落实',
      summary: '跨市运输超限许可',
      verbatim: '我们的设备要运到外市，超限运输许可要市里批，跑了几趟没办下来。',
    },
    { leader: '王立群', dept: '区交通运输局' },
    '超出区级权限，请交通运输局按程序转报市级部门，并跟踪办理结果。',
  );
  // A demand answered on the spot: counted on the board, closed at the meeting.
  concerns.push({
    id: newId(),
    meetingId: m12.id,
    enterpriseId: ent('青溪红金商贸有限公司').id,
    kind: 'suggestion',
    category: '政策落实',
    urgency: 'normal',
    channel: '现场',
    disposition: 'resolved_on_site',
    summary: '小微企业社保补贴申领流程',
    verbatim: '小微企业吸纳就业的社保补贴怎么申领？',
    minuteEntryIds: [],
    answerEntryIds: [],
    precollected: false,
    createdAt: at(m12.date, 10),
    updatedAt: at(m12.date, 10),
  });
  actions.push({ at: at(day(-57), 9), kind: 'hand_off', assignmentIds: [a1.id, a2.id, a3.id, a4.id] });

  reply(a1, -50, '已协调区农商银行完成授信审批，300万元技改贷款于本周放款。', '刘晓东', '0830-5556102');
  callback(a1, -48, 'satisfied', '贷款已经到账，非常感谢。');
  step(a1, -47, { kind: 'close', basis: 'satisfied', note: '' });
  step(a1, -30, { kind: 'write_off', note: '对账销号' });

  step(a2, -52, { kind: 'progress', note: '已到现场踏勘，正在核对控规。' });
  reply(a2, -45, '经核对控规，可按工业用地补充用地手续，已告知企业办理流程。', '杨帆', '0830-5558210');
  callback(a2, -44, 'basically', '路子清楚了，但手续还是多。');
  step(a2, -44, { kind: 'close', basis: 'satisfied', note: '' });

  reply(a3, -47, '已与供电公司沟通，错峰时段调整为每周一天。', '周静', '0830-5551178');
  callback(a3, -46, 'unsatisfied', '每周还是要停一天，订单还是赶不出来。');
  step(a3, -45, { kind: 'redo', reason: '企业认为仍影响订单交付，请进一步研究。', replyDueAt: day(-31) });
  reply(a3, -33, '已将企业列入重点保供名单，旺季期间不再安排错峰。', '周静', '0830-5551178');

  step(a4, -50, { kind: 'escalate', to: '市营商环境直通车办公室', reference: '临营商直通〔2026〕45号' });
  step(a4, -20, { kind: 'progress', note: '市交通运输局已召开协调会，正在办理许可。' });

  // ── 第13次, three weeks ago: in progress, some late ──────────────────────────────────────────
  const m13 = meeting(13, -22, '科技创新与人才引进', '陈思远');
  const a5 = item(
    m13,
    '临江海特科技发展有限公司',
    {
      category: '用工',
      summary: '研发人员人才公寓配租',
      verbatim: '新招的二十多个研发人员没地方住，希望人才公寓给点名额。',
    },
    { leader: '陈思远', dept: '区人力资源和社会保障局', co: ['区住房和城乡建设局'] },
    '请人社局会同住建局研究人才公寓配租，尽快答复企业。',
  );
  const a6 = item(
    m13,
    '临江光合新能源科技有限公司',
    {
      category: '用电用能',
      summary: '屋顶光伏并网验收',
      verbatim: '屋顶光伏装好一个多月了，并网验收还没排上。',
    },
    { leader: '赵国华', dept: '国网青溪供电公司' },
    '请供电公司加快并网验收。',
  );
  const a7 = item(
    m13,
    '临江康瑞医药有限公司',
    {
      category: '审批办证',
      summary: '药品经营许可变更办理',
      verbatim: '仓库地址变更要办许可，材料交了一个月没有消息。',
    },
    { leader: '陈思远', dept: '区行政审批局', co: ['区市场监督管理局'] },
    '请行政审批局限时办结。',
  );
  const a8 = item(
    m13,
    '青溪鑫磊新型建材有限公司',
    {
      category: '政策落实',
      summary: '资源综合利用退税',
      verbatim: '资源综合利用的增值税即征即退，申请了一直没退。',
    },
    { leader: '赵国华', dept: '区税务局' },
    '请税务局核实，符合条件的尽快办理退税。',
  );
  const a9 = item(
    m13,
    '临江锦程纺织有限公司',
    { category: '用工', summary: '技能人才补贴申报', verbatim: '去年培训的技能人才补贴一直没申报下来。' },
    { leader: '陈思远', dept: '区人力资源和社会保障局' },
    '请人社局指导企业申报，两周内答复。',
  );
  const a10 = item(
    m13,
    '临江蓝湾酒店管理有限公司',
    { category: '审批办证', summary: '消防验收整改指导', verbatim: '酒店改造后的消防验收，整改要求不清楚。' },
    { leader: '张明德', dept: '区住房和城乡建设局', co: ['区应急管理局'] },
    '请住建局一次性告知整改要求，指导企业通过验收。',
  );
  actions.push({
    at: at(day(-21), 9),
    kind: 'hand_off',
    assignmentIds: [a5.id, a6.id, a7.id, a8.id, a9.id, a10.id],
  });

  step(a5, -18, { kind: 'progress', note: '已与住建局对接人才公寓房源。' });
  const due13 = addCalendarDays(m13.date, 16);
  step(a6, -8, {
    kind: 'extend',
    replyDueAt: day(2),
    previousDueAt: due13,
    approvedBy: a6.leadLeaderId,
    reason: '并网须等市供电公司排期，申请延期。',
  });
  step(a7, -9, {
    kind: 'extend',
    replyDueAt: day(0),
    previousDueAt: due13,
    approvedBy: a7.leadLeaderId,
    reason: '需市场监管局现场核查，申请延期。',
  });
  reply(a8, -10, '经核实，企业部分产品不符合目录要求，已退税其余部分。', '吴敏', '0830-5553366');
  callback(a8, -9, 'unsatisfied', '不符合的部分我们有检测报告，希望再核一次。');
  reply(a9, -6, '已指导企业完成申报，补贴资金预计下月拨付。', '孙丽', '0830-5552233');
  step(a10, -7, {
    kind: 'extend',
    replyDueAt: day(12),
    previousDueAt: due13,
    approvedBy: a10.leadLeaderId,
    reason: '改造涉及结构复核，需第三方检测。',
  });
  step(a10, -3, { kind: 'progress', note: '第三方检测已进场。' });

  actions.sort((x, y) => x.at - y.at);
  return { meetings, concerns, assignments, actions };
}
