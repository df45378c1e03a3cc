/**
 * npm run demo:docs -- <目录>
 *
 * Writes every document of the demo meeting (the five signed 交办单, the 会议纪要 and the 会前材料) into a folder,
 * under the same Windows-safe names the export gives them, to open in WPS or Word and to print. The demo is built
 * for today (China time), so its dates are as the app would show them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { signedDemoBundle } from '../../shared/demo/demo-signing';
import { meetingDocuments } from '../../shared/docs/meeting-documents';
import { toIsoDate } from '../../shared/domain/workdays';
import { safeFileName, uniqueFileNames } from '../../shared/export/file-names';

const dir = process.argv[2];
if (!dir || dir.trim() === '') {
  console.error('请指定输出目录，例如：npm run demo:docs -- ./演示文档');
  process.exit(1);
}

const now = Date.now();
const bundle = await signedDemoBundle({ today: toIsoDate(now), now, newId: randomUUID });
const { documents, skipped } = await meetingDocuments(bundle, {
  include: ['sheets', 'minutes', 'briefing'],
});
const names = uniqueFileNames(documents.map((d) => safeFileName(d.stem, '.docx')));
const target = resolve(dir);
try {
  mkdirSync(target, { recursive: true });
  documents.forEach((d, i) => writeFileSync(resolve(target, names[i]!), d.bytes));
} catch (e) {
  console.error(`写入目录“${target}”失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

console.log(`已写入 ${documents.length} 个文档到 ${target}`);
documents.forEach((d, i) => console.log(`  ${names[i]}  ${(d.bytes.length / 1024).toFixed(1)} KB`));
for (const s of skipped) console.log(`  未导出 ${s.assignmentId}：${s.reason}`);
