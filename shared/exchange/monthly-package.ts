/**
 * The month's exchange package (以月答卷, issue 18): a district's figures and 交办件 of a period as one signed,
 * versioned JSON file, written beside the report so a city federation can combine districts. The layout is
 * documented in docs/exchange-package.md; `EXCHANGE_FORMAT_VERSION` changes whenever it does.
 *
 * Signed with the district's own ECDSA P-256 key (WebCrypto; made once, kept in the database): the package carries
 * its public key, and the signature covers the canonical JSON of everything else (canonical-json.ts), so any change
 * to a figure or an item breaks it. The city sees the key's fingerprint and is told when a district's key changes.
 * The package's SHA-256 goes into the export's 清单 like every other file.
 *
 * `readExchangePackage` trusts nothing: size, JSON, the schema field by field (zod, strict), the format and version,
 * then the signature. `mergePackages` refuses two packages of one district and period, and packages of different
 * periods, each with its reason in Chinese.
 */
import { z } from '../domain/zod';
import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from '../domain/integrity';
import type { Period } from '../domain/periods';
import type { Rate, Statistics } from '../domain/statistics';

export const EXCHANGE_FORMAT = 'kentan-monthly-exchange';
export const EXCHANGE_FORMAT_VERSION = 1;
/** A month of a district is a few hundred kB; anything near this is not a package. */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;

const text = (max: number) => z.string().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const share = z.object({ numerator: count, denominator: count }).strict();
const breakdown = z.array(z.object({ name: text(80), count }).strict()).max(500);

/** The figures a package carries: counts, and shares as their two numbers (so districts add up exactly). */
const figuresSchema = z
  .object({
    meetings: count,
    enterprises: count,
    speakers: count,
    demands: count,
    onSite: count,
    assigned: count,
    escalatedOnSite: count,
    handedOff: count,
    onTime: share,
    overdue: count,
    closed: share,
    satisfied: share,
    satisfiedOrBasic: share,
    unsatisfied: count,
    replyDays: z.object({ totalWorkingDays: z.number().nonnegative(), replies: count }).strict(),
    redo: count,
    escalated: count,
  })
  .strict();

/** The figures an item counts in (its drill-down in the city's screen). */
export const ITEM_FIGURES = [
  'handedOff',
  'dueInPeriod',
  'onTime',
  'overdue',
  'closed',
  'evaluated',
  'satisfied',
  'satisfiedOrBasic',
  'unsatisfied',
  'redo',
  'escalated',
] as const;
export type ItemFigure = (typeof ITEM_FIGURES)[number];

const itemSchema = z
  .object({
    docNumber: text(80),
    meetingDate: day.optional(),
    meetingKind: text(20),
    enterprise: text(200),
    demand: text(2000),
    category: text(80),
    leadDept: text(80),
    handedOffOn: day.optional(),
    replyDueAt: day.optional(),
    state: text(40),
    repliedOn: day.optional(),
    satisfaction: text(10),
    round: z.number().int().positive(),
    escalatedTo: text(200),
    in: z.array(z.enum(ITEM_FIGURES)).max(ITEM_FIGURES.length),
  })
  .strict();

const rankSchema = z
  .object({
    department: text(80),
    handedOff: count,
    onTime: share,
    satisfied: share,
    overdue: count,
    redo: count,
  })
  .strict();

const bodySchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT),
    version: z.number().int().positive(),
    district: z.object({ name: text(100), shortName: text(100) }).strict(),
    period: z
      .object({ kind: z.enum(['month', 'quarter', 'year', 'custom']), from: day, to: day, label: text(60) })
      .strict(),
    generatedAt: z.number().int().nonnegative(),
    app: text(40),
    figures: figuresSchema,
    byCategory: breakdown,
    byChannel: breakdown,
    byUrgency: breakdown,
    ranking: z.array(rankSchema).max(500),
    items: z.array(itemSchema).max(100_000),
    publicKey: z
      .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: text(100), y: text(100) })
      .strict(),
  })
  .strict();

const packageSchema = bodySchema.extend({ signature: text(200) }).strict();

/** What a package says, without its signature. */
export type PackageBody = z.infer<typeof bodySchema>;
/** A package as written. */
export type ExchangePackage = z.infer<typeof packageSchema>;
export type PackageItem = z.infer<typeof itemSchema>;
/** The key a package is signed with, as WebCrypto holds it. */
export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

// WebCrypto's types without the DOM library (shared code is also type-checked for Node).
type Subtle = typeof globalThis.crypto.subtle;
type CryptoKey = Awaited<ReturnType<Subtle['importKey']>>;
type CryptoKeyPair = { privateKey: CryptoKey; publicKey: CryptoKey };
/** A key as JSON (RFC 7517), as far as this file reads it. */
export interface JsonWebKey {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  ext?: boolean;
  key_ops?: string[];
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const subtle = () => globalThis.crypto.subtle;

/** A new district key (kept by the caller, e.g. as JWK in the database). */
export async function newSigningKey(): Promise<{
  privateJwk: JsonWebKey;
  publicJwk: SigningKey['publicJwk'];
}> {
  const pair = (await subtle().generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await subtle().exportKey('jwk', pair.privateKey);
  const pub = await subtle().exportKey('jwk', pair.publicKey);
  return { privateJwk, publicJwk: { kty: 'EC', crv: 'P-256', x: pub.x ?? '', y: pub.y ?? '' } };
}

/** The key from its stored JWK. */
export async function signingKey(privateJwk: JsonWebKey): Promise<SigningKey> {
  const privateKey = await subtle().importKey('jwk', privateJwk, ECDSA, false, ['sign']);
  return {
    privateKey,
    publicJwk: { kty: 'EC', crv: 'P-256', x: privateJwk.x ?? '', y: privateJwk.y ?? '' },
  };
}

/** The key's fingerprint, as the city is shown it: 16 hex digits of the SHA-256 of its canonical JWK. */
export async function keyFingerprint(jwk: PackageBody['publicKey']): Promise<string> {
  return (await sha256Hex(new TextEncoder().encode(canonicalJson(jwk)))).slice(0, 16);
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unbase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

const shareOf = (r: Rate) => ({ numerator: r.numerator, denominator: r.denominator });

/** What the package is made of: the period's statistics and the 交办件 they count. */
export interface PackageInput {
  district: { name: string; shortName: string };
  stats: Statistics;
  /** The items behind the statistics' item figures, by assignment id. */
  items: ReadonlyMap<string, Omit<PackageItem, 'in'>>;
  generatedAt: number;
  app: string;
  key: SigningKey;
}

/** The signed package as JSON text (UTF-8 when written). */
export async function buildExchangePackage(input: PackageInput): Promise<string> {
  const s = input.stats;
  const figureIds: Record<ItemFigure, readonly string[]> = {
    handedOff: s.handedOff.refs.ids,
    dueInPeriod: s.onTime.base.ids,
    onTime: s.onTime.refs.ids,
    overdue: s.overdue.refs.ids,
    closed: s.closed.refs.ids,
    evaluated: s.satisfied.base.ids,
    satisfied: s.satisfied.refs.ids,
    satisfiedOrBasic: s.satisfiedOrBasic.refs.ids,
    unsatisfied: s.unsatisfied.refs.ids,
    redo: s.redo.refs.ids,
    escalated: s.escalated.refs.ids,
  };
  // Each item once, with the figures it counts in (an item due twice in the period, after a 重办, counts twice in
  // the figures but is listed once).
  const memberOf = new Map<string, Set<ItemFigure>>();
  for (const key of ITEM_FIGURES)
    for (const id of figureIds[key]) {
      const set = memberOf.get(id) ?? new Set<ItemFigure>();
      set.add(key);
      memberOf.set(id, set);
    }
  const items: PackageItem[] = [];
  for (const [id, figures] of memberOf) {
    const item = input.items.get(id);
    if (item) items.push({ ...item, in: ITEM_FIGURES.filter((k) => figures.has(k)) });
  }
  items.sort((x, y) => (x.docNumber < y.docNumber ? -1 : x.docNumber > y.docNumber ? 1 : 0));
  const period: Period = s.period;
  const body: PackageBody = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_FORMAT_VERSION,
    district: input.district,
    period: { kind: period.kind, from: period.from, to: period.to, label: period.label },
    generatedAt: input.generatedAt,
    app: input.app,
    figures: {
      meetings: s.meetings.value,
      enterprises: s.enterprises.value,
      speakers: s.speakers.value,
      demands: s.demands.value,
      onSite: s.onSite.value,
      assigned: s.assigned.value,
      escalatedOnSite: s.escalatedOnSite.value,
      handedOff: s.handedOff.value,
      onTime: shareOf(s.onTime),
      overdue: s.overdue.value,
      closed: shareOf(s.closed),
      satisfied: shareOf(s.satisfied),
      satisfiedOrBasic: shareOf(s.satisfiedOrBasic),
      unsatisfied: s.unsatisfied.value,
      replyDays: { totalWorkingDays: s.averageReplyDays.totalDays, replies: s.averageReplyDays.replies },
      redo: s.redo.value,
      escalated: s.escalated.value,
    },
    byCategory: s.byCategory.map((b) => ({ name: b.name, count: b.count.value })),
    byChannel: s.byChannel.map((b) => ({ name: b.name, count: b.count.value })),
    byUrgency: s.byUrgency.map((b) => ({ name: b.name, count: b.count.value })),
    ranking: s.ranking.map((r) => ({
      department: r.deptName,
      handedOff: r.handedOff.value,
      onTime: shareOf(r.onTime),
      satisfied: shareOf(r.satisfied),
      overdue: r.overdue.value,
      redo: r.redo.value,
    })),
    items,
    publicKey: input.key.publicJwk,
  };
  const signed = new Uint8Array(
    await subtle().sign(SIGN, input.key.privateKey, new TextEncoder().encode(canonicalJson(body))),
  );
  return `${JSON.stringify({ ...body, signature: base64(signed) }, null, 2)}\n`;
}

/** A package that cannot be used; the message is Chinese and names the file. */
export class PackageError extends Error {
  override name = 'PackageError';
}

/** Read and check a package: size, JSON, schema, format and version, signature. */
export async function readExchangePackage(fileName: string, bytes: Uint8Array): Promise<ExchangePackage> {
  const fail = (why: string): never => {
    throw new PackageError(`“${fileName}”${why}`);
  };
  if (bytes.byteLength > MAX_PACKAGE_BYTES) fail('超过 20 MB，不是月度交换包');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail('不是有效的 JSON 文件（可能已损坏或不是交换包）');
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== EXCHANGE_FORMAT) fail('不是恳谈会务台的月度交换包');
  const { version } = head.data as { version: number };
  if (version > EXCHANGE_FORMAT_VERSION) fail(`是更新的格式（第${version}版），请先升级本软件`);
  if (version !== EXCHANGE_FORMAT_VERSION)
    fail(`的格式版本（第${version}版）与本软件（第${EXCHANGE_FORMAT_VERSION}版）不一致`);
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`的内容不符合交换包格式（${issue ? issue.path.join('.') || '整体' : '未知'}）`);
  }
  const pkg = parsed.data as ExchangePackage;
  const { signature, ...body } = pkg;
  let ok = false;
  try {
    const key = await subtle().importKey('jwk', { ...pkg.publicKey, ext: true }, ECDSA, false, ['verify']);
    ok = await subtle().verify(SIGN, key, unbase64(signature), new TextEncoder().encode(canonicalJson(body)));
  } catch {
    ok = false;
  }
  if (!ok) fail('的签名不符：内容在导出后被改动过，或文件不完整；请向报送单位索取原文件');
  return pkg;
}

/** Several districts' packages of one period, checked to go together. */
export interface MergedPackages {
  period: PackageBody['period'];
  packages: ExchangePackage[];
}

/** The packages together, or why not (two of one district and period; different periods). */
export function mergePackages(
  packages: readonly ExchangePackage[],
): { ok: true; merged: MergedPackages } | { ok: false; error: string } {
  const first = packages[0];
  if (!first) return { ok: false, error: '没有交换包' };
  const seen = new Map<string, ExchangePackage>();
  for (const p of packages) {
    if (p.period.from !== first.period.from || p.period.to !== first.period.to)
      return {
        ok: false,
        error: `${p.district.name}的交换包是${p.period.label}，与${first.district.name}的${first.period.label}不是同一统计期，不能合并`,
      };
    const key = p.district.name;
    if (seen.has(key)) return { ok: false, error: `${p.district.name}${p.period.label}的交换包重复导入` };
    seen.set(key, p);
  }
  return { ok: true, merged: { period: first.period, packages: [...packages] } };
}

/** Figures added over districts; shares from their summed numbers. */
export function combinedFigures(packages: readonly Pick<PackageBody, 'figures'>[]): PackageBody['figures'] {
  const sum = (pick: (f: PackageBody['figures']) => number) =>
    packages.reduce((n, p) => n + pick(p.figures), 0);
  const share = (pick: (f: PackageBody['figures']) => { numerator: number; denominator: number }) => ({
    numerator: sum((f) => pick(f).numerator),
    denominator: sum((f) => pick(f).denominator),
  });
  return {
    meetings: sum((f) => f.meetings),
    enterprises: sum((f) => f.enterprises),
    speakers: sum((f) => f.speakers),
    demands: sum((f) => f.demands),
    onSite: sum((f) => f.onSite),
    assigned: sum((f) => f.assigned),
    escalatedOnSite: sum((f) => f.escalatedOnSite),
    handedOff: sum((f) => f.handedOff),
    onTime: share((f) => f.onTime),
    overdue: sum((f) => f.overdue),
    closed: share((f) => f.closed),
    satisfied: share((f) => f.satisfied),
    satisfiedOrBasic: share((f) => f.satisfiedOrBasic),
    unsatisfied: sum((f) => f.unsatisfied),
    replyDays: {
      totalWorkingDays: sum((f) => f.replyDays.totalWorkingDays),
      replies: sum((f) => f.replyDays.replies),
    },
    redo: sum((f) => f.redo),
    escalated: sum((f) => f.escalated),
  };
}

/** The SHA-256 of a package's bytes, for the 清单 and to tell files apart. */
export const packageHash = (bytes: Uint8Array): Promise<string> => sha256Hex(bytes);
