import { describe, expect, it } from 'vitest';
import {
  AUDIT_GENESIS,
  chainAudit,
  changedFields,
  dataUrlBytes,
  sha256Hex,
  signedContent,
  signOffHash,
  verifyAuditChain,
  type SignedMaterial,
} from '../../../shared/domain/integrity';
import type { Assignment, AuditRecord } from '../../../shared/domain/types';

const assignment: Assignment = {
  id: 'a1',
  meetingId: 'm1',
  enterpriseId: 'e1',
  docNumber: '青工商联交〔2026〕12号',
  concernIds: ['c2', 'c4'],
  leadLeaderId: 'l3',
  leadDeptId: 'd18',
  coDeptIds: ['d3', 'd4'],
  instruction: '请张明德同志牵头，召集相关部门对照协议算清账，两周内明确答复企业。',
  dueAt: '2026-12-08',
  status: 'signed',
  createdAt: 1,
  updatedAt: 2,
};
const material: SignedMaterial = {
  assignment,
  strokes: [
    {
      pointerType: 'pen',
      points: [
        { x: 1, y: 2, pressure: 0.4, t: 0 },
        { x: 3, y: 5, pressure: 0.6, t: 16 },
      ],
    },
  ],
  pngSha256: 'ab'.repeat(32),
  signer: 'l1',
  signedAt: 1_763_700_000_000,
};

describe('sha256Hex', () => {
  it('matches the published test vector', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(await sha256Hex('abc'));
  });

  it('reads the bytes of a PNG data URL', () => {
    expect([...dataUrlBytes('data:image/png;base64,iVBORw0K')]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
  });
});

describe('signOffHash', () => {
  it('is stable across key order and ignores what moves on after signing', async () => {
    const reordered = Object.fromEntries(Object.entries(assignment).reverse()) as unknown as Assignment;
    const h = await signOffHash(material);
    expect(await signOffHash({ ...material, assignment: reordered })).toBe(h);
    expect(
      await signOffHash({
        ...material,
        assignment: { ...assignment, status: 'handed_off', handedOffAt: 9, updatedAt: 9 },
      }),
    ).toBe(h);
  });

  it('changes with any field, any stroke point, the PNG, the signer or the time', async () => {
    const h = await signOffHash(material);
    const variants: SignedMaterial[] = [
      { ...material, assignment: { ...assignment, instruction: `${assignment.instruction} ` } },
      { ...material, assignment: { ...assignment, coDeptIds: ['d4', 'd3'] } },
      { ...material, assignment: { ...assignment, dueAt: '2026-12-09' } },
      { ...material, assignment: { ...assignment, docNumber: '青工商联交〔2026〕13号' } },
      { ...material, assignment: { ...assignment, leadLeaderId: 'l4' } },
      { ...material, assignment: { ...assignment, concernIds: ['c2'] } },
      {
        ...material,
        assignment: { ...assignment, instructionInk: { strokes: material.strokes as never, png: 'data:,' } },
      },
      {
        ...material,
        strokes: [
          {
            ...material.strokes[0]!,
            points: [
              { x: 1, y: 2, pressure: 0.4, t: 0 },
              { x: 3, y: 6, pressure: 0.6, t: 16 },
            ],
          },
        ],
      },
      { ...material, pngSha256: 'ac'.repeat(32) },
      { ...material, signer: 'l2' },
      { ...material, signedAt: material.signedAt + 1 },
    ];
    for (const v of variants) expect(await signOffHash(v)).not.toBe(h);
  });

  it('names the fields that changed since signing', () => {
    const before = signedContent(assignment);
    expect(changedFields(before, signedContent({ ...assignment, status: 'handed_off' }))).toEqual([]);
    expect(
      changedFields(
        before,
        signedContent({
          ...assignment,
          leadDeptId: 'd2',
          dueAt: '2027-01-04',
          instructionInk: { strokes: [], png: 'data:,' },
        }),
      ),
    ).toEqual(['牵头单位', '手写批示', '办理时限']);
  });
});

describe('audit chain', () => {
  async function chain(n: number): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    for (let i = 0; i < n; i++) {
      const r = await chainAudit(records.at(-1), {
        at: i,
        action: 'sign',
        entity: 'assignment',
        entityId: `a${i}`,
        detail: `签批 ${i}`,
      });
      records.push({ ...r, seq: i + 1 });
    }
    return records;
  }

  it('links each record to the one before, from the genesis hash', async () => {
    const records = await chain(3);
    expect(records[0]!.prevHash).toBe(AUDIT_GENESIS);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(await verifyAuditChain(records)).toEqual({ ok: true, count: 3 });
  });

  it('finds an edited, a deleted and an inserted record', async () => {
    const records = await chain(4);
    const edited = records.map((r) => (r.seq === 2 ? { ...r, detail: '签批 被改' } : r));
    expect(await verifyAuditChain(edited)).toMatchObject({
      ok: false,
      seq: 2,
      reason: expect.stringContaining('内容已被改动'),
    });
    const deleted = records.filter((r) => r.seq !== 2);
    expect(await verifyAuditChain(deleted)).toMatchObject({
      ok: false,
      seq: 3,
      reason: expect.stringContaining('链接不符'),
    });
    const forged = { ...records[1]!, seq: 99, detail: '伪造' };
    const inserted = [records[0]!, forged, ...records.slice(1)];
    expect((await verifyAuditChain(inserted)).ok).toBe(false);
  });
});
