/**
 * LibreOffice for the render tests (*.slow.test.ts): .docx files to PDF in one headless start (starting it is most of
 * the cost), with a profile of its own in `dir` so runs side by side do not share one.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Converts the .docx files to PDF into `dir` (each `name.docx` becomes `dir/name.pdf`). */
export function convertToPdf(dir: string, docxFiles: readonly string[]): void {
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'lo')).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...docxFiles,
    ],
    { timeout: 120_000, stdio: 'pipe' },
  );
}
