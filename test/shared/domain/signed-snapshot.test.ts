import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSignature,
  dataUrlBytes,
  sha256Hex,
  signedContent,
  signOffHash,
  snapshotHash,
} from '../../../shared/domain/integrity';
import {
  meetingsByUrgency,
  meetingStatusAfter,
  meetingStatusText,
} from '../../../shared/domain/meeting-lifecycle';
import { decisionChanges, sourceChanges, takeSnapshot } from '../../../shared/domain/signed-snapshot';
import type { Assignment, AuditRecord, SignedSnapshot, SignOff } from '../../../shared/domain/types';
import { demoBundle } from '../docs/docx';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const strokes = [{ pointerType: 'pen' as const, points: [{ x: 1, y: 2, pressure: 0.4, t: 0 }] }];

async function signedSample() {
  const bundle = await demoBundle();
  const signOff = bundle.signOffs[1]!;
  const assignment = bundle.assignments.find((a) => a.id === signOff.assignmentId)!;
  return { bundle, signOff, assignment, snapshot: signOff.snapshot! };
}

/** Every leaf of the snapshot that the 交办单 prints, as a path and a way to change it. */
function printedLeaves(s: SignedSnapshot): string[][] {
  const out: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string' || typeof value === 'number') out.push(path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) if (k !== 'strokes') walk(v, [...path, k]);
  };
  walk(s, []);
  return out;
}

function changeAt(s: SignedSnapshot, path: string[], to: string): SignedSnapshot {
  const copy = structuredClone(s) as unknown as Record<string, unknown>;
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  node[last] = typeof node[last] === 'number' ? (node[last] as number) + 1 : `${String(node[last])}${to}`;
  return copy as unknown as SignedSnapshot;
}

describe('签批快照', () => {
  it('freezes every printed word: enterprise, reporter, meeting, demands, answers, names, instruction, contact', async () => {
    const { snapshot } = await signedSample();
    expect(snapshot).toMatchObject({
      format: 2,
      docNumber: '青工商联交〔2026〕2号',
      sheetTitle: '青溪区民营企业接待日交办单',
      enterprise: { name: '临江丰泽钢构有限公司' },
      reporter: { name: '叶振邦', title: '董事长' },
      meeting: { title: '青溪区第14次“民营企业接待日”', date: '2026-11-21' },
      leadLeader: { name: '张明德' },
      leadDept: { name: '经济开发区管委会' },
      contact: { organization: '青溪区工商联' },
    });
    expect(snapshot.concerns.map((c) => c.verbatim.length > 10)).toEqual([true, true]);
    expect(snapshot.answers[0]!.who).toBe('王立群');
    expect(snapshot.coDepts.map((d) => d.name)).toEqual(['区财政局', '区住房和城乡建设局']);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('any change to any printed field changes the hash (property)', async () => {
    const { snapshot, signOff } = await signedSample();
    const pngSha256 = await sha256Hex(dataUrlBytes(signOff.png));
    const base = { strokes: signOff.strokes, pngSha256, signer: signOff.signer, signedAt: signOff.signedAt };
    const original = await snapshotHash({ snapshot, ...base });
    expect(original).toBe(signOff.contentHash);
    const leaves = printedLeaves(snapshot);
    expect(leaves.length).toBeGreaterThan(30);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...leaves),
        fc.string({ minLength: 1, maxLength: 4 }).filter((t) => !/\p{Cs}/u.test(t)),
        async (path, extra) => {
          const changed = changeAt(snapshot, path, extra);
          expect(await snapshotHash({ snapshot: changed, ...base })).not.toBe(original);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the source records that changed since signing, quietly, and nothing when none did', async () => {
    const { bundle, assignment, snapshot } = await signedSample();
    const sources = {
      assignment,
      organization: bundle.organization,
      meeting: bundle.meeting,
      enterprise: bundle.enterprises.find((e) => e.id === assignment.enterpriseId),
      speaker: bundle.queueEntries.find((q) => q.enterpriseId === assignment.enterpriseId),
      concerns: assignment.concernIds.map((id) => bundle.concerns.find((c) => c.id === id)!),
      answers: bundle.minuteEntries,
      leader: (id: string | undefined) => bundle.leaders.find((l) => l.id === id),
      department: (id: string | undefined) => bundle.departments.find((d) => d.id === id),
      signer: snapshot.signer.id,
    };
    expect(sourceChanges(snapshot, takeSnapshot(sources))).toEqual([]);
    const renamed = { ...sources.enterprise!, name: '临江丰泽钢构集团有限公司' };
    const edited = { ...sources.concerns[0]!, verbatim: '改过的原话' };
    const changes = sourceChanges(
      snapshot,
      takeSnapshot({ ...sources, enterprise: renamed, concerns: [edited, sources.concerns[1]!] }),
    );
    expect(changes).toEqual([
      '企业名称：「临江丰泽钢构有限公司」 → 「临江丰泽钢构集团有限公司」',
      expect.stringMatching(/^诉求1原话：「.+」 → 「改过的原话」$/),
    ]);
    expect(sourceChanges(snapshot, takeSnapshot({ ...sources, concerns: [sources.concerns[0]!] }))).toEqual([
      '诉求2：已被删除',
    ]);
  });

  it('the assignment’s own signed fields must agree with the snapshot; a recorded merge may move the enterprise', async () => {
    const { assignment, snapshot } = await signedSample();
    expect(decisionChanges(assignment, snapshot)).toEqual([]);
    expect(decisionChanges({ ...assignment, dueAt: '2027-01-01', coDeptIds: [] }, snapshot)).toEqual([
      '配合单位',
      '办理时限',
    ]);
    const moved = { ...assignment, enterpriseId: 'other' };
    expect(decisionChanges(moved, snapshot)).toEqual(['企业']);
    expect(decisionChanges(moved, snapshot, new Set(['other']))).toEqual([]);
  });
});

describe('checkSignature', () => {
  const record = (seq: number, action: string, detail: string, entityId = 'a'): AuditRecord => ({
    seq,
    at: seq,
    action,
    entity: 'assignment',
    entityId,
    detail,
    prevHash: '',
    hash: String(seq),
  });

  it('format 2: holds, then catches tampering, a status set back to draft, a missing record, a broken chain', async () => {
    const { assignment, signOff } = await signedSample();
    const records = [record(5, 'sign', `签批，内容摘要 ${signOff.contentHash}`, assignment.id)];
    const base = { assignment, signOffs: [signOff], records };
    expect(await checkSignature(base)).toBeUndefined();
    expect(await checkSignature({ ...base, assignment: { ...assignment, instruction: '改' } })).toEqual({
      label: '签批后已修改',
      detail: '签批后改动了：领导批示。需要修改并重新签批',
    });
    const forgedSnapshot = {
      ...signOff.snapshot!,
      enterprise: { ...signOff.snapshot!.enterprise, name: 'X' },
    };
    expect(
      await checkSignature({ ...base, signOffs: [{ ...signOff, snapshot: forgedSnapshot }] }),
    ).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringContaining('签批快照'),
    });
    const draft: Assignment = { ...assignment, status: 'draft' };
    expect(await checkSignature({ ...base, assignment: draft })).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringContaining('却被标为待签批'),
    });
    // Sign-off deleted too: the log still says it was signed and never reopened.
    expect(await checkSignature({ ...base, assignment: draft, signOffs: [] })).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringContaining('第5条'),
    });
    // Reopened properly: a draft with an edit after the sign is fine.
    expect(
      await checkSignature({
        assignment: draft,
        signOffs: [{ ...signOff, supersededAt: 9 }],
        records: [...records, record(6, 'edit', '修改并重新签批', assignment.id)],
      }),
    ).toBeUndefined();
    expect(await checkSignature({ ...base, records: [] })).toMatchObject({ label: '记录校验失败' });
    expect(await checkSignature({ ...base, untrustedFrom: 5 })).toMatchObject({
      label: '记录校验失败',
      detail: expect.stringContaining('第5条起'),
    });
    expect(await checkSignature({ ...base, untrustedFrom: 6 })).toBeUndefined();
  });

  it('format 1 sign-offs (made before snapshots) keep verifying', async () => {
    const { assignment } = await signedSample();
    const pngSha256 = await sha256Hex(dataUrlBytes(PNG));
    const contentHash = await signOffHash({ assignment, strokes, pngSha256, signer: 'l1', signedAt: 7 });
    const old: SignOff = {
      id: 's1',
      assignmentId: assignment.id,
      signer: 'l1',
      signedAt: 7,
      strokes,
      png: PNG,
      contentHash,
      content: signedContent(assignment),
    };
    const records = [record(1, 'sign', `内容摘要 ${contentHash}`, assignment.id)];
    expect(await checkSignature({ assignment, signOffs: [old], records })).toBeUndefined();
    expect(
      await checkSignature({ assignment: { ...assignment, dueAt: '2027-02-02' }, signOffs: [old], records }),
    ).toMatchObject({ label: '签批后已修改', detail: expect.stringContaining('办理时限') });
  });
});

describe('meetingStatusAfter', () => {
  it('follows the assignments after the meeting, and leaves a meeting before or during it alone', () => {
    const of = (...s: Assignment['status'][]) => s.map((status) => ({ status }));
    expect(meetingStatusAfter('live', of('draft'))).toBe('live');
    expect(meetingStatusAfter('preparing', of())).toBe('preparing');
    expect(meetingStatusAfter('signing', of('draft', 'signed'))).toBe('signing');
    expect(meetingStatusAfter('signing', of('signed', 'signed'))).toBe('handoff');
    expect(meetingStatusAfter('handoff', of('draft', 'signed'))).toBe('signing');
    expect(meetingStatusAfter('handoff', of('handed_off', 'signed'))).toBe('handoff');
    expect(meetingStatusAfter('handoff', of('handed_off', 'escalated'))).toBe('handed_off');
    expect(meetingStatusAfter('handed_off', of('handed_off', 'draft'))).toBe('signing');
    expect(meetingStatusAfter('signing', of())).toBe('signing');
  });
});

describe('meetings for the 签批 and 交办导出 screens', () => {
  it('offers the ones waiting first, the oldest first, and names a meeting closed with nothing to hand over', () => {
    const m = (
      id: string,
      status: 'signing' | 'handoff' | 'live' | 'handed_off' | 'preparing',
      date: string,
    ) => ({
      id,
      status,
      date,
      startTime: '09:00',
    });
    const list = [
      m('a', 'handed_off', '2026-10-01'),
      m('b', 'signing', '2026-11-21'),
      m('c', 'preparing', '2026-12-15'),
      m('d', 'handoff', '2026-11-14'),
      m('e', 'signing', '2026-11-07'),
      m('f', 'handed_off', '2026-11-01'),
    ];
    expect(meetingsByUrgency(list).map((x) => x.id)).toEqual(['e', 'b', 'd', 'f', 'a', 'c']);
    expect(meetingStatusText({ status: 'handed_off' })).toBe('已交办');
    expect(meetingStatusText({ status: 'handed_off', noAssignmentsAt: 5 })).toBe('无交办事项');
    expect(meetingStatusText({ status: 'signing' })).toBe('待签批');
  });
});
