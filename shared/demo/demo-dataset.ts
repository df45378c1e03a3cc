/**
 * The built-in demo: a district federation with its leaders and departments, two dozen enterprises,
 * one finished reception day (with its queue, verbatim minutes, concerns and draft assignments) and
 * one upcoming. All names are fictional. Dates are relative to the day the demo is loaded, so the
 * finished meeting is always recent and the upcoming one always ahead.
 */
import type {
  Assignment,
  Concern,
  Department,
  Enterprise,
  Id,
  IsoDate,
  Leader,
  Meeting,
  MinuteEntry,
  MinuteRole,
  Organization,
  QueueEntry,
} from '../domain/types';
import { DEFAULT_CATEGORIES } from '../domain/settings-rules';

/** Everything the demo puts into an empty database. */
export interface DemoDataset {
  organization: Organization;
  categories: string[];
  leaders: Leader[];
  departments: Department[];
  enterprises: Enterprise[];
  meetings: Meeting[];
  queueEntries: QueueEntry[];
  minuteEntries: MinuteEntry[];
  concerns: Concern[];
  assignments: Assignment[];
}

/** The organisation of the demo. */
export const DEMO_ORGANIZATION: Organization = {
  name: '临江市青溪区工商业联合会',
  shortName: '青溪区工商联',
  docNumberPrefix: '青工商联交',
  contactPerson: '李晓燕',
  contactPhone: '0830-5551234',
};

const LEADERS: Array<[name: string, title: string]> = [
  ['王立群', '区委书记'],
  ['陈思远', '区委副书记、区长'],
  ['张明德', '区委常委、常务副区长'],
  ['刘静', '区委常委、统战部部长'],
  ['赵国华', '副区长'],
  ['孙海燕', '区人大常委会副主任、区工商联主席'],
];

// [name, short name, aliases, leader in charge (index into LEADERS) or -1]
const DEPARTMENTS: Array<[string, string, string[], number]> = [
  ['区发展和改革局', '发改局', ['发改'], 2],
  ['区经济和信息化局', '经信局', ['经信'], 4],
  ['区财政局', '财政局', ['财政'], 2],
  ['区住房和城乡建设局', '住建局', ['住建'], 2],
  ['区自然资源和规划分局', '自然资源分局', ['自然资源局', '规划局'], 2],
  ['区交通运输局', '交通局', ['交通运输局'], 4],
  ['区公安分局交通警察大队', '交警大队', ['交警'], 4],
  ['区应急管理局', '应急局', ['应急'], 4],
  ['区人力资源和社会保障局', '人社局', ['人社'], 3],
  ['区市场监督管理局', '市场监管局', ['市监局'], 4],
  ['区行政审批局', '审批局', ['行政审批局'], 2],
  ['区生态环境分局', '环保分局', ['生态环境局', '环保局'], 4],
  ['区税务局', '税务局', ['税务'], 2],
  ['区商务局', '商务局', [], 4],
  ['区科学技术局', '科技局', [], 3],
  ['区投资促进局', '投促局', ['招商局'], 2],
  ['区优化营商环境办公室', '营商办', ['营商环境办'], 1],
  ['经济开发区管委会', '经开区', ['开发区', '经开区管委会'], 2],
  ['国网青溪供电公司', '供电公司', ['供电局', '电力公司'], 4],
  ['区金融工作服务中心', '金融中心', ['金融办'], 2],
  ['安富街道办事处', '安富街道', [], -1],
  ['永宁街道办事处', '永宁街道', [], -1],
  ['新乐镇人民政府', '新乐镇', [], -1],
  ['大渡口镇人民政府', '大渡口镇', [], -1],
];

// [name, credit code, legal representative (also the contact), title, phone, industry, street]
const ENTERPRISES: Array<[string, string, string, string, string, string, string]> = [
  ['临江丰泽钢构有限公司', '91339901YG58BRK2XB', '叶振邦', '董事长', '17102255229', '钢结构制造', '新乐镇'],
  ['临江蓝湾酒店管理有限公司', '91339901CBBKW37DX2', '褚雅琴', '总经理', '13715213350', '住宿餐饮', '新乐镇'],
  ['青溪红金商贸有限公司', '91339901GQUWLD064J', '刘建国', '总经理', '15922499556', '批发零售', '大渡口镇'],
  [
    '临江华星机械制造有限公司',
    '91339901XJMWED8G2P',
    '赵海峰',
    '董事长',
    '13393787677',
    '机械制造',
    '安富街道',
  ],
  ['临江朝晖塑胶有限公司', '91339901UMFJPBRQ4E', '聂文博', '总经理', '13617541243', '塑料制品', '新乐镇'],
  ['青溪利钢金属制品有限公司', '913399010JCBFRP9XT', '罗永安', '董事长', '17078269982', '金属制品', '经开区'],
  [
    '临江永安矿山机械制造有限公司',
    '91339901QMMHGF7T5L',
    '周卫东',
    '总经理',
    '18151643940',
    '专用设备',
    '安富街道',
  ],
  ['临江海特科技发展有限公司', '91339901K75LKXWP7A', '唐雨桐', '董事长', '18991779440', '信息技术', '新乐镇'],
  ['青溪顺达物流有限公司', '91339901F2YQ19NH8N', '吴晓光', '总经理', '13309830036', '交通运输', '永宁街道'],
  ['临江禾香食品有限公司', '9133990165LWGRHM9M', '陈美玲', '董事长', '15444281818', '食品加工', '经开区'],
  ['临江锦程纺织有限公司', '91339901KXFUY8WA3B', '孙立伟', '总经理', '15878334619', '纺织', '永宁街道'],
  ['青溪鑫磊新型建材有限公司', '913399010JX5R7R964', '马国强', '董事长', '15543965090', '建材', '永宁街道'],
  ['临江光合新能源科技有限公司', '91339901G7QWDYGT1P', '林子涵', '总经理', '17946185385', '新能源', '新乐镇'],
  ['临江康瑞医药有限公司', '9133990191K2HWDM01', '黄志诚', '董事长', '18047956115', '医药', '永宁街道'],
  ['青溪芯联电子有限公司', '913399013GKLRE4T4H', '郑浩然', '总经理', '13753881641', '电子元器件', '新乐镇'],
  ['临江绿源生态农业开发有限公司', '913399013RMC9QL136', '谢春花', '董事长', '17804473873', '农业', '经开区'],
  [
    '青溪古镇文化旅游发展有限公司',
    '91339901BC9QFJWT9P',
    '何静怡',
    '总经理',
    '18572354433',
    '文化旅游',
    '新乐镇',
  ],
  [
    '临江驰远汽车零部件有限公司',
    '91339901EHA0P7438P',
    '邓伟',
    '董事长',
    '13875834846',
    '汽车零部件',
    '安富街道',
  ],
  ['临江东岳化工有限公司', '91339901UE64N0E41G', '沈佳琪', '董事长', '13605278553', '化工', '永宁街道'],
  ['临江·华瑞（集团）有限公司', '91339901T2PD889Y7B', '钱振华', '董事长', '15606257689', '综合', '永宁街道'],
  ['青溪A&B精密模具有限公司', '91339901F11LXXK01P', '冯一鸣', '总经理', '18425068140', '模具', '大渡口镇'],
  ['临江云溪软件有限公司', '91339901N5HK32QA4K', '蒋晨', '总经理', '18649822080', '软件', '新乐镇'],
  ['青溪老街餐饮管理有限公司', '913399019F6EA4DL44', '韩冬梅', '店长', '18002055663', '餐饮', '永宁街道'],
  [
    '临江恒泰住房租赁有限公司',
    '91339901W0P5BGC030',
    '许家豪',
    '董事长',
    '15073801147',
    '房地产租赁',
    '新乐镇',
  ],
];

/** Options for building the demo. */
export interface DemoOptions {
  /** The day the demo is loaded (China Standard Time calendar date). */
  today: IsoDate;
  /** The instant it is loaded. */
  now: number;
  /** Id factory; `crypto.randomUUID` in the app, a counter in tests. */
  newId: () => Id;
}

function shiftDate(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** The epoch ms of `HH:mm` on an IsoDate in China Standard Time (UTC+8). */
function cstInstant(date: IsoDate, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh - 8, mm);
}

/** Build the demo dataset for the given day. */
export function buildDemoDataset({ today, now, newId }: DemoOptions): DemoDataset {
  const leaders: Leader[] = LEADERS.map(([name, title], i) => ({ id: newId(), name, title, order: i + 1 }));
  const departments: Department[] = DEPARTMENTS.map(([name, shortName, aliases, leader], i) => ({
    id: newId(),
    name,
    shortName,
    aliases,
    order: i + 1,
    ...(leader >= 0 ? { leaderId: leaders[leader]!.id } : {}),
  }));
  const enterprises: Enterprise[] = ENTERPRISES.map(
    ([name, creditCode, legalRep, contactTitle, phone, industry, street]) => ({
      id: newId(),
      name,
      creditCode,
      legalRep,
      contact: legalRep,
      contactTitle,
      phone,
      industry,
      street,
      createdAt: now,
      updatedAt: now,
    }),
  );
  const leader = (name: string) => leaders.find((l) => l.name === name)!;
  const dept = (name: string) => departments.find((d) => d.name === name)!;
  const ent = (name: string) => enterprises.find((e) => e.name === name)!;

  // The finished meeting: the 14th reception day, yesterday, waiting for sign-off, so the two-day
  // handoff window is open when the demo is explored.
  const pastDate = shiftDate(today, -1);
  const past: Meeting = {
    id: newId(),
    kind: 'reception',
    title: '青溪区第14次“民营企业接待日”',
    edition: 14,
    theme: '企业融资与项目建设',
    date: pastDate,
    startTime: '09:20',
    place: '区工商联三楼会议室',
    level: 'county',
    status: 'signing',
    hostLeaderIds: [leader('王立群').id, leader('张明德').id],
    attendingDeptIds: [
      '区财政局',
      '区住房和城乡建设局',
      '区应急管理局',
      '经济开发区管委会',
      '区自然资源和规划分局',
      '区公安分局交通警察大队',
      '安富街道办事处',
    ].map((n) => dept(n).id),
    startedAt: cstInstant(pastDate, '09:20'),
    endedAt: cstInstant(pastDate, '09:55'),
    createdAt: now,
    updatedAt: now,
  };
  // The upcoming meeting: the 15th, in a little over three weeks.
  const upcomingDate = shiftDate(today, 24);
  const upcoming: Meeting = {
    id: newId(),
    kind: 'reception',
    title: '青溪区第15次“民营企业接待日”',
    edition: 15,
    theme: '稳岗用工与人才引进',
    date: upcomingDate,
    startTime: '09:00',
    place: '区工商联三楼会议室',
    level: 'county',
    status: 'preparing',
    hostLeaderIds: [leader('陈思远').id],
    attendingDeptIds: ['区人力资源和社会保障局', '区经济和信息化局', '区科学技术局', '区税务局'].map(
      (n) => dept(n).id,
    ),
    createdAt: now,
    updatedAt: now,
  };

  const queueEntries: QueueEntry[] = [];
  const addQueue = (
    meeting: Meeting,
    name: string,
    channel: QueueEntry['channel'],
    status: QueueEntry['status'],
    spokenMs = 0,
  ) => {
    const e = ent(name);
    queueEntries.push({
      id: newId(),
      meetingId: meeting.id,
      enterpriseId: e.id,
      speaker: e.contact,
      speakerTitle: e.contactTitle,
      channel,
      status,
      position: queueEntries.filter((q) => q.meetingId === meeting.id).length + 1,
      spokenMs,
    });
  };
  addQueue(past, '临江恒泰住房租赁有限公司', '报名', 'done', 5 * 60_000);
  addQueue(past, '临江丰泽钢构有限公司', '点名', 'done', 11 * 60_000);
  addQueue(past, '青溪顺达物流有限公司', '报名', 'done', 6 * 60_000);
  addQueue(past, '临江华星机械制造有限公司', '报名', 'absent');
  addQueue(past, '临江禾香食品有限公司', '书面', 'done');
  addQueue(upcoming, '临江锦程纺织有限公司', '报名', 'waiting');
  addQueue(upcoming, '青溪芯联电子有限公司', '报名', 'waiting');
  addQueue(upcoming, '临江光合新能源科技有限公司', '点名', 'waiting');
  addQueue(upcoming, '青溪老街餐饮管理有限公司', '书面', 'waiting');

  const minuteEntries: MinuteEntry[] = [];
  const say = (time: string, role: MinuteRole, who: string, text: string, whoId?: Id): MinuteEntry => {
    const entry: MinuteEntry = {
      id: newId(),
      meetingId: past.id,
      at: cstInstant(pastDate, time),
      role,
      who,
      text,
      history: [],
      ...(whoId ? { whoId } : {}),
    };
    minuteEntries.push(entry);
    return entry;
  };
  say(
    '09:21',
    'host',
    '孙海燕',
    '各位企业家，今天是第14次接待日，王书记亲自来听大家的意见。请大家有什么困难逐条讲，讲实情。',
    leader('孙海燕').id,
  );
  const m1 = say(
    '09:23',
    'entrepreneur',
    '许家豪',
    '我们是去年市里住房租赁市场发展试点的企业，试点的财政奖补资金到现在还没拨下来，公司垫了一千多万，资金链压力很大，希望能尽快拨付。',
    ent('临江恒泰住房租赁有限公司').id,
  );
  const a1 = say(
    '09:26',
    'department',
    '区财政局',
    '这笔资金市级部分已经到区里，区级配套正在走程序，我们争取本月底前拨付到位。',
    dept('区财政局').id,
  );
  const m2 = say(
    '09:29',
    'entrepreneur',
    '叶振邦',
    '第一，二期厂房建设项目的补贴，按招商协议应该兑现，一直没落实。第二，一期项目验收和办证卡在消防这块，跑了好几趟。第三，城市建设配套费能不能按政策给点支持。',
    ent('临江丰泽钢构有限公司').id,
  );
  const a3 = say(
    '09:34',
    'department',
    '区住房和城乡建设局',
    '一期验收的问题我们会后马上和应急局一起到现场，把整改清单一次性讲清楚。',
    dept('区住房和城乡建设局').id,
  );
  const a2 = say(
    '09:36',
    'leader',
    '王立群',
    '二期补贴的事，请张明德同志牵头，召集经开区、财政局，对照协议把账算清楚，两周内给企业一个明确答复。',
    leader('王立群').id,
  );
  const m5 = say(
    '09:41',
    'entrepreneur',
    '吴晓光',
    '我们的大货车进出园区要走滨河路，现在白天限行时间太长，一天只能跑一趟，能不能根据园区的运输规律缩短限行时间？',
    ent('青溪顺达物流有限公司').id,
  );
  const a5 = say(
    '09:44',
    'department',
    '区公安分局交通警察大队',
    '在环保要求允许的范围内，我们会调研园区企业的运输时段，尽量缩短限行时间。',
    dept('区公安分局交通警察大队').id,
  );
  say(
    '09:47',
    'host',
    '孙海燕',
    '赵海峰董事长今天临时有事没来，禾香食品陈美玲董事长提交了书面材料，会后一并交办。',
    leader('孙海燕').id,
  );
  say(
    '09:52',
    'leader',
    '王立群',
    '今天提的问题，能现场答复的已经答复了，其余的工商联梳理成交办单，我签批后两天内交到各部门，两周内要回复企业。',
    leader('王立群').id,
  );

  const concerns: Concern[] = [];
  const concern = (
    meeting: Meeting,
    enterprise: string,
    fields: Pick<Concern, 'kind' | 'category' | 'urgency' | 'summary' | 'verbatim' | 'channel'> &
      Partial<
        Pick<
          Concern,
          'disposition' | 'suggestedDeptId' | 'minuteEntryIds' | 'answerEntryIds' | 'precollected'
        >
      >,
  ): Concern => {
    const c: Concern = {
      id: newId(),
      meetingId: meeting.id,
      enterpriseId: ent(enterprise).id,
      minuteEntryIds: [],
      answerEntryIds: [],
      precollected: false,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
    concerns.push(c);
    return c;
  };
  const c1 = concern(past, '临江恒泰住房租赁有限公司', {
    kind: 'problem',
    category: '资金补贴',
    urgency: 'urgent',
    channel: '现场',
    disposition: 'assign',
    summary: '尽快拨付住房租赁市场发展试点财政奖补资金',
    verbatim: m1.text,
    minuteEntryIds: [m1.id],
    answerEntryIds: [a1.id],
    suggestedDeptId: dept('区财政局').id,
  });
  const c2 = concern(past, '临江丰泽钢构有限公司', {
    kind: 'problem',
    category: '资金补贴',
    urgency: 'major',
    channel: '现场',
    disposition: 'assign',
    summary: '兑现二期厂房建设项目补贴',
    verbatim: '二期厂房建设项目的补贴，按招商协议应该兑现，一直没落实。',
    minuteEntryIds: [m2.id],
    answerEntryIds: [a2.id],
    suggestedDeptId: dept('经济开发区管委会').id,
  });
  const c3 = concern(past, '临江丰泽钢构有限公司', {
    kind: 'problem',
    category: '审批办证',
    urgency: 'major',
    channel: '现场',
    disposition: 'assign',
    summary: '加快一期项目验收及办证',
    verbatim: '一期项目验收和办证卡在消防这块，跑了好几趟。',
    minuteEntryIds: [m2.id],
    answerEntryIds: [a3.id],
    suggestedDeptId: dept('区住房和城乡建设局').id,
  });
  const c4 = concern(past, '临江丰泽钢构有限公司', {
    kind: 'suggestion',
    category: '政策落实',
    urgency: 'normal',
    channel: '现场',
    disposition: 'assign',
    summary: '城市建设配套费给予政策支持',
    verbatim: '城市建设配套费能不能按政策给点支持。',
    minuteEntryIds: [m2.id],
    suggestedDeptId: dept('区住房和城乡建设局').id,
  });
  const c5 = concern(past, '青溪顺达物流有限公司', {
    kind: 'suggestion',
    category: '交通运输',
    urgency: 'normal',
    channel: '现场',
    disposition: 'assign',
    summary: '缩短大型运输车辆滨河路限行时间',
    verbatim: m5.text,
    minuteEntryIds: [m5.id],
    answerEntryIds: [a5.id],
    suggestedDeptId: dept('区公安分局交通警察大队').id,
  });
  const c6 = concern(past, '临江禾香食品有限公司', {
    kind: 'problem',
    category: '用电用能',
    urgency: 'urgent',
    channel: '书面',
    disposition: 'assign',
    summary: '新建冷库专线接电排期过长（书面反映）',
    verbatim:
      '我公司新建的冷库已经完工，向供电公司申请专线接电，排期到明年三月，冷库不能投用，每月损失二十多万元，恳请协调提前接电。',
    suggestedDeptId: dept('国网青溪供电公司').id,
    precollected: true,
  });
  concern(upcoming, '临江锦程纺织有限公司', {
    kind: 'problem',
    category: '用工',
    urgency: 'major',
    channel: '电话',
    precollected: true,
    summary: '旺季缝纫工招工难',
    verbatim: '每年三四月旺季，缝纫工缺口有一百多人，希望人社局组织专场招聘会。',
    suggestedDeptId: dept('区人力资源和社会保障局').id,
  });
  concern(upcoming, '青溪芯联电子有限公司', {
    kind: 'suggestion',
    category: '政策落实',
    urgency: 'normal',
    channel: '线上专栏',
    precollected: true,
    summary: '研发费用加计扣除政策辅导',
    verbatim: '我们对研发费用加计扣除的归集口径拿不准，希望税务局上门辅导一次。',
    suggestedDeptId: dept('区税务局').id,
  });

  let drafted = 0;
  const assignment = (
    concernsOf: Concern[],
    leadLeader: string,
    leadDept: string,
    coDepts: string[],
    instruction: string,
  ): Assignment => ({
    id: newId(),
    meetingId: past.id,
    enterpriseId: concernsOf[0]!.enterpriseId,
    concernIds: concernsOf.map((c) => c.id),
    leadLeaderId: leader(leadLeader).id,
    leadDeptId: dept(leadDept).id,
    coDeptIds: coDepts.map((n) => dept(n).id),
    instruction,
    status: 'draft',
    // One millisecond apart: the list keeps the order they were drafted in.
    createdAt: now + ++drafted,
    updatedAt: now + drafted,
  });
  const assignments: Assignment[] = [
    assignment(
      [c1],
      '陈思远',
      '区财政局',
      ['区住房和城乡建设局'],
      '请财政局本月底前拨付到位，并向企业反馈。',
    ),
    assignment(
      [c2, c4],
      '张明德',
      '经济开发区管委会',
      ['区财政局', '区住房和城乡建设局'],
      '请张明德同志牵头，召集相关部门对照协议算清账，两周内明确答复企业。',
    ),
    assignment(
      [c3],
      '张明德',
      '区住房和城乡建设局',
      ['区应急管理局'],
      '会后即到现场，一次性告知整改清单，限期办结。',
    ),
    assignment(
      [c5],
      '赵国华',
      '区公安分局交通警察大队',
      ['区生态环境分局', '经济开发区管委会'],
      '在环保要求范围内研究缩短限行时间，答复企业。',
    ),
    assignment([c6], '赵国华', '国网青溪供电公司', ['区经济和信息化局'], '请协调加快接电排期。'),
  ];

  return {
    organization: { ...DEMO_ORGANIZATION },
    categories: [...DEFAULT_CATEGORIES],
    leaders,
    departments,
    enterprises,
    meetings: [past, upcoming],
    queueEntries,
    minuteEntries,
    concerns,
    assignments,
  };
}
