/**
 * Runtime validators (zod) for every request of the desk API: types check nothing at run time,
 * and main must not trust what a renderer sends.
 */
import { z } from '../domain/zod';
import type { DeskArgs } from './contract';
import type { DeskConcern, DeskVerb } from './channels';
import { fileNameKey, isSafeFileName, isSafeFolderName, MAX_NAME_BYTES } from '../export/file-names';
import { BACKUP_FILE_NAME, BACKUP_REASONS } from '../backup/rotation';

/** Longest file name main accepts, in UTF-8 bytes (common file systems allow 255). */
export const MAX_FILE_NAME_BYTES = MAX_NAME_BYTES;
/** Largest single file the bridge carries (50 MiB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Largest backup the bridge carries (512 MiB: ten years of meetings pack to a fraction of it). */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
/** Most files one export carries (a meeting has a few dozen). */
export const MAX_EXPORT_FILES = 500;
/** Largest export, all files together (200 MiB): one structured clone over IPC must stay reasonable. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

// Messages from zod's own checks (wrong type, missing item) in Chinese too.
z.config(z.locales.zhCN());

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** A bare file name: no separators, no parent references, not empty, within the byte limit. */
export const fileNameSchema = z
  .string()
  .min(1, '文件名不能为空')
  .refine((s) => !/[\\/]/.test(s), '文件名不能包含路径分隔符')
  .refine((s) => s !== '.' && s !== '..', '文件名无效')
  .refine((s) => !/[\u0000-\u001f]/.test(s), '文件名不能包含控制字符')
  .refine((s) => utf8Length(s) <= MAX_FILE_NAME_BYTES, `文件名不能超过${MAX_FILE_NAME_BYTES}字节`)
  // Names come made safe by shared/export/file-names.ts; main refuses anything else rather than
  // quietly writing a different name than the renderer shows.
  .refine(isSafeFileName, '文件名含有 Windows 不允许的字符、保留名或首尾的点和空格');

/** A bare folder name, already made safe by `safeFolderName`. */
export const folderNameSchema = z
  .string()
  .min(1, '文件夹名不能为空')
  .refine(isSafeFolderName, '文件夹名含有 Windows 不允许的字符、保留名或首尾的点和空格');

const tokenSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '目录凭据无效');
const driveIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'U盘编号无效');

const bytesSchema = z
  .instanceof(Uint8Array, { message: '文件内容必须是字节数组' })
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件过大');

/** A record id as the app makes them (`crypto.randomUUID()`): letters, digits, `-` and `_`, nothing else. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号无效');

const exportTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drive'), driveId: driveIdSchema }).strict(),
  z.object({ kind: z.literal('directory'), directoryToken: tokenSchema }).strict(),
]);

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, '摘要无效');

const attestationSchema = z
  .object({
    sheets: z
      .array(
        z
          .object({
            fileName: fileNameSchema,
            docNumber: z.string().min(1).max(64),
            signOffHash: sha256Schema,
          })
          .strict(),
      )
      .max(MAX_EXPORT_FILES),
    auditHead: z.object({ seq: z.number().int().positive(), hash: sha256Schema }).strict().optional(),
  })
  .strict();

const exportRequestSchema = z
  .object({
    target: exportTargetSchema,
    folderName: folderNameSchema,
    files: z
      .array(z.object({ fileName: fileNameSchema, bytes: bytesSchema }).strict())
      .min(1, '没有要导出的文件')
      .max(MAX_EXPORT_FILES, `一次最多导出${MAX_EXPORT_FILES}个文件`),
    manifestName: fileNameSchema,
    attestation: attestationSchema.optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    const total = request.files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    if (total > MAX_EXPORT_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: '导出的文件合计过大，请分批导出' });
    }
    // Two names one folder cannot hold apart (Windows ignores case) would overwrite each other.
    const seen = new Set<string>();
    for (const name of [...request.files.map((f) => f.fileName), request.manifestName]) {
      const key = fileNameKey(name);
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['files'], message: `文件名重复：“${name}”` });
        return;
      }
      seen.add(key);
    }
  });

const count = z.number().int().nonnegative().max(100_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期无效');
/** The 文号 high-water mark: the highest number per four-digit year. */
const ledgerSchema = z
  .record(z.string().regex(/^\d{4}$/, '年份无效'), z.number().int().nonnegative().max(1_000_000))
  .refine((r) => Object.keys(r).length <= 200, '年份过多');

const backupSummarySchema = z
  .object({
    meetings: count,
    assignments: count,
    signOffs: count,
    followUps: count,
    enterprises: count,
    firstDate: isoDate.optional(),
    lastDate: isoDate.optional(),
  })
  .strict();

const backupBytesSchema = z
  .instanceof(Uint8Array, { message: '备份内容必须是字节数组' })
  .refine((b) => b.byteLength > 0, '备份内容为空')
  .refine((b) => b.byteLength <= MAX_BACKUP_BYTES, '备份文件过大');

/** A kept backup's id is its file name, in the app's own pattern: never a path. */
const backupIdSchema = z.string().max(80).regex(BACKUP_FILE_NAME, '备份编号无效');

/** Argument tuples, one per verb. */
export const DESK_REQUESTS = {
  app: {
    info: z.tuple([]),
    notices: z.tuple([]),
    flushed: z.tuple([z.object({ id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号无效') }).strict()]),
  },
  files: {
    chooseDirectory: z.tuple([]),
    save: z.tuple([
      z.object({ directoryToken: tokenSchema, fileName: fileNameSchema, bytes: bytesSchema }).strict(),
    ]),
  },
  export: {
    listDrives: z.tuple([]),
    write: z.tuple([exportRequestSchema]),
  },
  projector: {
    open: z.tuple([z.object({ meetingId: recordIdSchema }).strict()]),
    close: z.tuple([]),
  },
  backup: {
    status: z.tuple([]),
    write: z.tuple([
      z
        .object({
          bytes: backupBytesSchema,
          reason: z.enum(BACKUP_REASONS),
          createdAt: z.number().int().positive(),
          summary: backupSummarySchema,
          docNumberHighWater: ledgerSchema,
        })
        .strict(),
    ]),
    read: z.tuple([z.object({ id: backupIdSchema }).strict()]),
    saveTo: z.tuple([
      z
        .object({
          target: exportTargetSchema,
          fileName: fileNameSchema.refine((n) => n.endsWith('.kentan'), '备份文件名应以 .kentan 结尾'),
          bytes: backupBytesSchema,
        })
        .strict(),
    ]),
    openFile: z.tuple([]),
    note: z.tuple([
      z
        .object({ ranBefore: z.literal(true).optional(), docNumberHighWater: ledgerSchema.optional() })
        .strict(),
    ]),
  },
} as const satisfies { [C in DeskConcern]: { [V in DeskVerb<C>]: z.ZodType<DeskArgs<C, V>> } };

/** Validate a call's arguments; returns the parsed tuple or a Chinese message naming the field. */
export function validateRequest<C extends DeskConcern>(
  concern: C,
  verb: DeskVerb<C>,
  args: unknown[],
): { ok: true; args: unknown[] } | { ok: false; message: string } {
  const schema = (DESK_REQUESTS[concern] as Record<string, z.ZodType<unknown[]>>)[verb];
  if (!schema) return { ok: false, message: `未知的请求 ${String(concern)}.${verb}` };
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}:` : '';
  return { ok: false, message: `请求参数无效 ${where}${issue?.message ?? ''}` };
}
