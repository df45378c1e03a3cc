import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadlines';
import { SHIPPED_HOLIDAYS } from '../../../shared/domain/holidays';
import {
  instructionPhrases,
  joinPhrases,
  limitMismatch,
  retimeInstruction,
  timeLimitOptions,
  timeWordsIn,
} from '../../../shared/domain/instruction-phrases';

describe('timeLimitOptions', () => {
  it('offers a week, two weeks and a month after the handoff deadline, in calendar days', () => {
    const options = timeLimitOptions('2026-11-21', DEFAULT_DEADLINE_RULES, SHIPPED_HOLIDAYS);
    // Handoff by 11-23; then 7 / 14 / 30 days.
    expect(options.map((o) => [o.phrase, o.date])).toEqual([
      ['一周内', '2026-11-30'],
      ['两周内', '2026-12-07'],
      ['一个月内', '2026-12-23'],
    ]);
  });

  it('counts working days over the National Day holiday, and adds the configured period', () => {
    const rules = { ...DEFAULT_DEADLINE_RULES, dayKind: 'working' as const, replyDays: 12 };
    const options = timeLimitOptions('2026-09-28', rules, SHIPPED_HOLIDAYS);
    expect(options.map((o) => o.phrase)).toEqual([
      '5个工作日内',
      '10个工作日内',
      '12个工作日内',
      '20个工作日内',
    ]);
    // Five working days after the handoff deadline cannot end inside the National Day holiday.
    for (let i = 1; i < options.length; i++) expect(options[i]!.date > options[i - 1]!.date).toBe(true);
    expect(options[0]!.date >= '2026-10-08').toBe(true);
  });

  it('warns when working days run into a year the holiday table does not cover', () => {
    const rules = { ...DEFAULT_DEADLINE_RULES, dayKind: 'working' as const };
    const options = timeLimitOptions('2026-12-28', rules, SHIPPED_HOLIDAYS);
    expect(options.at(-1)!.warnings.join('')).toMatch(/2027/);
  });
});

describe('instruction phrases', () => {
  it('builds the phrases from the fields and joins them as a leader writes', () => {
    const groups = instructionPhrases({
      leadLeaderName: '张明德',
      leadDeptName: '经济开发区管委会',
      coDeptNames: ['区财政局'],
      limit: '两周内',
    });
    expect(groups.map((g) => g.label)).toEqual(['牵头', '协同', '要求', '时限']);
    expect(groups[0]!.phrases).toEqual([
      '请张明德同志牵头',
      '请经济开发区管委会牵头办理',
      '请相关部门研究办理',
    ]);
    expect(groups[1]!.phrases[0]).toBe('召集经济开发区管委会、区财政局');
    expect(joinPhrases([groups[0]!.phrases[0]!, groups[1]!.phrases[0]!, groups[3]!.phrases[0]!])).toBe(
      '请张明德同志牵头，召集经济开发区管委会、区财政局，两周内答复企业。',
    );
  });

  it('leaves out what the fields do not have, and tidies punctuation when joining', () => {
    const groups = instructionPhrases({ coDeptNames: [], limit: '一周内' });
    expect(groups[0]!.phrases).toEqual(['请相关部门研究办理']);
    expect(groups[1]!.phrases).toEqual(['会同相关部门', '现场办公']);
    expect(joinPhrases(['研究解决。', ' 限期办结，', ''])).toBe('研究解决，限期办结。');
    expect(joinPhrases([])).toBe('');
  });
});

describe('the instruction and its time limit agree', () => {
  it('finds the time words an instruction states', () => {
    expect(timeWordsIn('请区财政局两周内答复企业，2026年12月7日前办结。')).toEqual([
      '两周内',
      '2026年12月7日前',
    ]);
    expect(timeWordsIn('请10个工作日内答复，一个月内办结，12月9日前反馈')).toEqual([
      '10个工作日内',
      '一个月内',
      '12月9日前',
    ]);
    expect(timeWordsIn('请相关部门研究解决。')).toEqual([]);
  });

  it('moves the time words the chips wrote, and leaves other wording alone', () => {
    expect(retimeInstruction('请张明德同志牵头，两周内答复企业。', '两周内', '一个月内')).toBe(
      '请张明德同志牵头，一个月内答复企业。',
    );
    expect(retimeInstruction('请尽快答复企业。', '两周内', '一个月内')).toBeUndefined();
    expect(retimeInstruction('两周内答复', '两周内', '两周内')).toBeUndefined();
  });

  it('names a stated limit that is not the chosen one', () => {
    expect(limitMismatch('请两周内答复企业。', ['一个月内', '2027年1月1日前'])).toBe('两周内');
    expect(limitMismatch('请一个月内答复企业。', ['一个月内', '2027年1月1日前'])).toBeUndefined();
    expect(limitMismatch('请研究解决。', ['一个月内'])).toBeUndefined();
  });
});
