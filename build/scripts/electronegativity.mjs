// Electronegativity over electron/ and renderer/ together (its global checks need both in one scan),
// assuming our Electron version. It exits 0 even with findings, so read its CSV: any HIGH or
// MEDIUM finding fails the test run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;

const work = mkdtempSync(join(tmpdir(), 'kentan-electronegativity-'));
try {
  for (const dir of ['electron', 'renderer']) cpSync(join(root, dir), join(work, dir), { recursive: true });
  const csv = join(work, 'findings.csv');
  const run = spawnSync(
    'npx',
    ['--no-install', 'electronegativity', '-i', work, '-e', electronVersion, '-r', '-v', 'false', '-o', csv],
    { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const rows = readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [issue, severity, confidence, file, location] = line
        .split(',')
        .map((c) => c.replace(/^"|"$/g, ''));
      return { issue, severity, confidence, file, location };
    });
  const blocking = rows.filter((r) => r.severity === 'HIGH' || r.severity === 'MEDIUM');
  for (const r of rows)
    console.log(`${r.severity.padEnd(6)} ${r.issue} ${r.file}:${r.location} (${r.confidence})`);
  console.log(
    `electronegativity (Electron ${electronVersion}): ${rows.length} findings, ${blocking.length} HIGH/MEDIUM`,
  );
  if (blocking.length) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
