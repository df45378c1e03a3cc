// Ten years of a busy federation: ≈500 meetings, 50,000 concerns, 200,000 minute entries,
// generated deterministically and written through the app's own database class.
import type { DeskDb } from '../../../renderer/db/desk-db';
import { buildDemoDataset } from '../../../shared/demo/demo-dataset';
import type {
  Assignment,
  Concern,
  Meeting,
  MinuteEntry,
  MinuteRole,
  Urgency,
} from '../../../shared/domain/types';

const SENTENCES = [
  '我们企业这两年订单增长很快，但是厂房不够用，想在园区再拿一块地，土地指标一直落实不了',
  '银行抽贷断贷的问题还是存在，去年到期的三千万贷款续不上，只能找过桥资金，成本很高',
  '技改补贴申报材料交上去半年了，到现在还没有消息，希望相关部门帮忙催一下进度',
  '园区的道路晚上没有路灯，工人下夜班很不安全，希望尽快把路灯装起来',
  '专线接电排期太长，新生产线装好了不能投产，每个月损失几十万',
  '招工难，熟练工留不住，希望人社部门组织专场招聘，也希望在职业培训上给点补贴',
  '这个问题我们局里会后马上研究，一周内给企业一个明确的答复',
  '请相关部门对照政策把账算清楚，两周内给企业回复，工商联跟踪督办',
];
const CATEGORIES = [
  '用地',
  '融资',
  '资金补贴',
  '审批办证',
  '用工',
  '用电用能',
  '交通运输',
  '基础设施',
  '政策落实',
];
const URGENCY: Urgency[] = ['urgent', 'major', 'hard', 'normal'];
const ROLES: MinuteRole[] = ['entrepreneur', 'entrepreneur', 'department', 'leader', 'host'];

/** How much to generate. */
export interface TenYearsSize {
  meetings: number;
  concerns: number;
  minuteEntries: number;
}

/** The figures of docs/architecture.md, "Budgets". */
export const TEN_YEARS: TenYearsSize = { meetings: 500, concerns: 50_000, minuteEntries: 200_000 };

/** Fill the database with ten years of records; returns the counts written. */
export async function seedTenYears(db: DeskDb, size: TenYearsSize = TEN_YEARS): Promise<TenYearsSize> {
  let n = 0;
  const id = () => `gen-${(++n).toString(36)}`;
  const base = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: id });
  await db.transaction('rw', [db.settings, db.leaders, db.departments, db.enterprises], async () => {
    await db.settings.bulkPut([
      { key: 'organization', value: base.organization },
      { key: 'categories', value: base.categories },
      { key: 'onboarding', value: 'demo' },
    ]);
    await db.leaders.bulkPut(base.leaders);
    await db.departments.bulkPut(base.departments);
    await db.enterprises.bulkPut(base.enterprises);
  });
  const start = Date.UTC(2016, 11, 1);
  const meetings: Meeting[] = Array.from({ length: size.meetings }, (_, i) => {
    const date = new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10);
    return {
      ...base.meetings[0]!,
      id: id(),
      title: `青溪区第${i + 1}次“民营企业接待日”`,
      edition: i + 1,
      date,
      status: 'handed_off',
      createdAt: start,
      updatedAt: start,
    };
  });
  await db.meetings.bulkAdd(meetings);

  const perMeetingConcerns = Math.ceil(size.concerns / size.meetings);
  const perMeetingMinutes = Math.ceil(size.minuteEntries / size.meetings);
  let concernCount = 0;
  let minuteCount = 0;
  for (const [i, meeting] of meetings.entries()) {
    const at0 = Date.parse(`${meeting.date}T01:20:00Z`);
    const minutes: MinuteEntry[] = [];
    for (let k = 0; k < perMeetingMinutes && minuteCount < size.minuteEntries; k++, minuteCount++) {
      minutes.push({
        id: id(),
        meetingId: meeting.id,
        at: at0 + k * 20_000,
        role: ROLES[k % ROLES.length]!,
        who: base.enterprises[(i + k) % base.enterprises.length]!.legalRep,
        text: `${SENTENCES[(i + k) % SENTENCES.length]}(第${k + 1}条)`,
        history: [],
      });
    }
    const concerns: Concern[] = [];
    const assignments: Assignment[] = [];
    for (let k = 0; k < perMeetingConcerns && concernCount < size.concerns; k++, concernCount++) {
      const enterprise = base.enterprises[(i * 7 + k) % base.enterprises.length]!;
      const concern: Concern = {
        id: id(),
        meetingId: meeting.id,
        enterpriseId: enterprise.id,
        kind: k % 3 ? 'problem' : 'suggestion',
        category: CATEGORIES[(i + k) % CATEGORIES.length]!,
        urgency: URGENCY[k % URGENCY.length]!,
        verbatim: SENTENCES[k % SENTENCES.length]!,
        summary: SENTENCES[k % SENTENCES.length]!.slice(0, 18),
        channel: '现场',
        disposition: k % 4 ? 'assign' : 'resolved_on_site',
        minuteEntryIds: minutes[k] ? [minutes[k]!.id] : [],
        answerEntryIds: [],
        precollected: false,
        createdAt: at0,
        updatedAt: at0,
      };
      concerns.push(concern);
      if (concern.disposition === 'assign' && k % 8 === 1) {
        assignments.push({
          id: id(),
          meetingId: meeting.id,
          enterpriseId: enterprise.id,
          concernIds: [concern.id],
          leadLeaderId: base.leaders[k % base.leaders.length]!.id,
          leadDeptId: base.departments[k % base.departments.length]!.id,
          coDeptIds: [],
          instruction: '请牵头单位两周内答复企业。',
          status: 'closed',
          createdAt: at0,
          updatedAt: at0,
        });
      }
    }
    await db.transaction('rw', [db.minuteEntries, db.concerns, db.assignments], async () => {
      await db.minuteEntries.bulkAdd(minutes);
      await db.concerns.bulkAdd(concerns);
      await db.assignments.bulkAdd(assignments);
    });
  }
  return { meetings: meetings.length, concerns: concernCount, minuteEntries: minuteCount };
}
