// 会前材料 from 会前准备: the same builder as 交办导出, saved through the desk bridge before the meeting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desk } from '../../renderer/bridge';
import { loadDemoDataset } from '../../renderer/db/demo-loader';
import { usePrepStore } from '../../renderer/stores/prep';
import { buildDemoDataset, type DemoDataset } from '../../shared/demo/demo-dataset';
import JSZip from 'jszip';
import { counterIds, freshDatabase } from './db-helpers';

let demo: DemoDataset;

/** The document part of a .docx (the shared docx test helpers belong to the Node project). */
async function readDocx(bytes: Uint8Array): Promise<{ document: string }> {
  return { document: await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string') };
}
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** The text of each paragraph, runs joined. */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) =>
    [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join(''),
  );
/** Each table row as the texts of its cells. */
const tableRows = (xml: string): string[][] =>
  [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphs(cell[1]!).join('\n')),
  );

beforeEach(async () => {
  const db = await freshDatabase();
  demo = buildDemoDataset({ today: '2026-11-22', now: Date.UTC(2026, 10, 22), newId: counterIds() });
  await loadDemoDataset(db, demo);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const meeting = (edition: number) => demo.meetings.find((m) => m.edition === edition)!;
const enterprise = (name: string) => demo.enterprises.find((e) => e.name === name)!;

async function openUpcoming() {
  const prep = usePrepStore();
  expect(await prep.open(meeting(15).id)).toBe(true);
  return prep;
}

describe('会前材料 from 会前准备', () => {
  it('prints the speaking order and the pre-collected demands, named as the export names it', async () => {
    const prep = await openUpcoming();
    const file = (await prep.briefingFile())!;
    expect(file.fileName).toBe('青溪区第15次“民营企业接待日”-会前材料.docx');
    const doc = await readDocx(file.bytes);
    const text = paragraphs(doc.document);
    expect(text[0]).toBe('青溪区第15次“民营企业接待日”会前材料');
    expect(text).toContain('会前共收集诉求2件，涉及2家企业。');
    expect(text.some((t) => t.includes('旺季缝纫工招工难（用工，重）'))).toBe(true);
    expect(tableRows(doc.document).map((r) => r[1])).toEqual([
      '企业名称',
      '临江锦程纺织有限公司',
      '青溪芯联电子有限公司',
      '临江光合新能源科技有限公司',
      '青溪老街餐饮管理有限公司',
    ]);
  });

  it('gives an enterprise signed up again what it raised at an earlier meeting (此前反映), and only earlier ones', async () => {
    const prep = await openUpcoming();
    await prep.signUp(enterprise('临江恒泰住房租赁有限公司'));
    const text = paragraphs((await readDocx((await prep.briefingFile())!.bytes)).document);
    // Every speaker has a section, in the speaking order: 恒泰, signed up last, is the fifth.
    expect(text).toContain('（五）临江恒泰住房租赁有限公司');
    // …with how that demand ended: its 交办件 is a draft waiting for signature.
    expect(text.filter((t) => t.startsWith('此前反映：'))).toEqual([
      '此前反映：2026年11月22日　尽快拨付住房租赁市场发展试点财政奖补资金（资金补贴；待签批）',
    ]);

    // 恒泰 raises it again at this meeting: printed for the 14th, that later demand is no 此前反映.
    expect(
      await prep.saveConcern({
        enterpriseId: enterprise('临江恒泰住房租赁有限公司').id,
        kind: 'problem',
        category: '资金补贴',
        urgency: 'urgent',
        verbatim: '区级配套资金还没有拨付。',
        summary: '区级配套资金尚未拨付',
        channel: '电话',
      }),
    ).toBeUndefined();
    const past = usePrepStore();
    await past.open(meeting(14).id);
    const before = paragraphs((await readDocx((await past.briefingFile())!.bytes)).document);
    expect(before.filter((t) => t.startsWith('此前反映：'))).toEqual([]);
  });

  it('saves the file into the folder the user picks and says where', async () => {
    const prep = await openUpcoming();
    vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({
      ok: true,
      value: { token: 't-1', label: 'U盘（E:）' },
    });
    const save = vi.spyOn(desk.files, 'save').mockImplementation(async (request) => ({
      ok: true,
      value: { fileName: request.fileName, size: request.bytes.byteLength, sha256: 'x' },
    }));
    expect(await prep.saveBriefing()).toEqual({
      ok: true,
      fileName: '青溪区第15次“民营企业接待日”-会前材料.docx',
      folder: 'U盘（E:）',
    });
    expect(save).toHaveBeenCalledTimes(1);
    const request = save.mock.calls[0]![0];
    expect(request.directoryToken).toBe('t-1');
    expect(paragraphs((await readDocx(request.bytes)).document)[0]).toBe(
      '青溪区第15次“民营企业接待日”会前材料',
    );
  });

  it('writes nothing when the folder dialog is cancelled, and passes on why a save failed', async () => {
    const prep = await openUpcoming();
    const choose = vi.spyOn(desk.files, 'chooseDirectory').mockResolvedValue({ ok: true, value: null });
    const save = vi.spyOn(desk.files, 'save');
    expect(await prep.saveBriefing()).toEqual({ ok: false, cancelled: true });
    expect(save).not.toHaveBeenCalled();

    choose.mockResolvedValue({ ok: true, value: { token: 't-2', label: '桌面' } });
    save.mockResolvedValue({ ok: false, error: { code: 'io_failed', message: '磁盘已满，请换一个位置' } });
    expect(await prep.saveBriefing()).toEqual({
      ok: false,
      cancelled: false,
      error: '磁盘已满，请换一个位置',
    });
  });
});
