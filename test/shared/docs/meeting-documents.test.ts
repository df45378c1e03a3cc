import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { meetingDocuments } from '../../../shared/docs/meeting-documents';
import { demoBundle, paragraphs, readDocx } from './docx';

let bundle: MeetingBundle;

beforeAll(async () => {
  bundle = await demoBundle();
});

const SHEETS = [
  '青工商联交〔2026〕1号-临江恒泰住房租赁有限公司-交办单',
  '青工商联交〔2026〕2号-临江丰泽钢构有限公司-交办单',
  '青工商联交〔2026〕3号-临江丰泽钢构有限公司-交办单',
  '青工商联交〔2026〕4号-青溪顺达物流有限公司-交办单',
  '青工商联交〔2026〕5号-临江禾香食品有限公司-交办单',
];

describe('meetingDocuments', () => {
  it('builds the sheets in 文号 order, then the minutes, then the briefing', async () => {
    // Shuffled input: the order comes from the 文号, not from the records.
    const shuffled = { ...bundle, assignments: [...bundle.assignments].reverse() };
    const { documents, skipped } = await meetingDocuments(shuffled, {
      include: ['briefing', 'minutes', 'sheets'],
    });
    expect(skipped).toEqual([]);
    expect(documents.map((d) => [d.kind, d.stem])).toEqual([
      ...SHEETS.map((s) => ['sheet', s]),
      ['minutes', '青溪区第14次“民营企业接待日”-会议纪要'],
      ['briefing', '青溪区第14次“民营企业接待日”-会前材料'],
    ]);
    expect(documents.slice(0, 5).map((d) => d.assignmentId)).toEqual(bundle.assignments.map((a) => a.id));
    for (const d of documents) expect(d.bytes.length).toBeGreaterThan(5_000);
  });

  it('builds the sheets and the minutes by default', async () => {
    const { documents } = await meetingDocuments(bundle);
    expect(documents.map((d) => d.kind)).toEqual(['sheet', 'sheet', 'sheet', 'sheet', 'sheet', 'minutes']);
  });

  it('builds only what is asked for', async () => {
    const { documents } = await meetingDocuments(bundle, { include: ['briefing'] });
    expect(documents.map((d) => d.kind)).toEqual(['briefing']);
  });

  it('skips a tampered and a draft assignment with the reason, and builds no sheet for them', async () => {
    const [one, two, three] = bundle.assignments;
    const b = {
      ...bundle,
      assignments: bundle.assignments.map((a) =>
        a.id === three!.id ? { ...a, status: 'draft' as const } : a,
      ),
    };
    const { documents, skipped } = await meetingDocuments(b, {
      problems: { [one!.id]: '签批后已修改' },
      include: ['sheets', 'minutes'],
    });
    expect(skipped).toEqual([
      { assignmentId: one!.id, reason: '签批后已修改，不能作为已签批交办单导出，请修改并重新签批' },
      { assignmentId: three!.id, reason: '尚未签批，不能导出交办单' },
    ]);
    const sheets = documents.filter((d) => d.kind === 'sheet');
    expect(sheets.map((d) => d.assignmentId)).toEqual([
      two!.id,
      bundle.assignments[3]!.id,
      bundle.assignments[4]!.id,
    ]);
    expect(sheets.map((d) => d.stem)).toEqual([SHEETS[1], SHEETS[3], SHEETS[4]]);
    // The minutes still account for them, without their numbers.
    const minutes = documents.find((d) => d.kind === 'minutes')!;
    const text = paragraphs((await readDocx(minutes.bytes)).document).join('\n');
    expect(text).toContain('待签批');
    expect(text).not.toContain('青工商联交〔2026〕1号');
    expect(text).not.toContain('青工商联交〔2026〕3号');
  });

  it('reports each step, skipped items included, and stops when the progress callback throws', async () => {
    const b = {
      ...bundle,
      assignments: bundle.assignments.map((a, i) => (i === 1 ? { ...a, status: 'draft' as const } : a)),
    };
    const steps: Array<[number, number]> = [];
    const { documents, skipped } = await meetingDocuments(b, {
      include: ['sheets', 'minutes', 'briefing'],
      onProgress: (done, total) => void steps.push([done, total]),
    });
    expect(skipped).toHaveLength(1);
    expect(documents).toHaveLength(6);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]));

    // Throwing from the callback stops the build there (a newer build has replaced this one).
    let built = 0;
    const stopped = meetingDocuments(bundle, {
      onProgress: async (done) => {
        built = done;
        await Promise.resolve();
        if (done === 2) throw new Error('superseded');
      },
    });
    await expect(stopped).rejects.toThrow('superseded');
    expect(built).toBe(2);
  });

  it('masks phones in the minutes by default and shows them when asked', async () => {
    const spoken = bundle.minuteEntries.find((m) => m.role === 'entrepreneur')!;
    const b = {
      ...bundle,
      minuteEntries: bundle.minuteEntries.map((m) =>
        m.id === spoken.id ? { ...m, text: `${m.text}电话13812341234` } : m,
      ),
    };
    const minutesText = async (maskPhones?: boolean) => {
      const { documents } = await meetingDocuments(b, {
        include: ['minutes'],
        ...(maskPhones === undefined ? {} : { maskPhones }),
      });
      return paragraphs((await readDocx(documents[0]!.bytes)).document).join('\n');
    };
    expect(await minutesText()).toContain('电话138****1234');
    expect(await minutesText(false)).toContain('电话13812341234');
  });
});
