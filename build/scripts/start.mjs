// npm start: build, then launch Electron. The Electron binary is fetched on first use; where that
// cannot happen (no internet), say so plainly and point to the browser preview.
import { spawnSync, spawn } from 'node:child_process';

function electronBinary() {
  // Resolving the 'electron' package downloads the binary if it is missing; do it in a child
  // process so a failed download cannot leave this one half-initialised.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  const reason = (probe.stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /error|failed/i.test(line) && !/^(at|throw) /.test(line));
  return { reason: reason.slice(0, 2).join(' / ') || probe.error?.message || 'unknown' };
}

function explainAndExit(reason) {
  console.error(`
无法获取 Electron 程序文件，桌面版暂时不能启动。
  · 首次运行 npm start 需要联网下载 Electron(约 100 MB)；本机可能无法访问下载地址。
  · 可以改用浏览器预览：运行 npm run web，然后在浏览器中打开 http://localhost:4173

The Electron binary could not be obtained, so the desktop app cannot start here.
  · The first npm start downloads Electron (about 100 MB); this machine may not reach the download server.
  · Use the browser preview instead: run npm run web and open http://localhost:4173

原因 / Reason: ${reason}
`);
  process.exit(1);
}

const binary = electronBinary();
if (!binary.path) explainAndExit(binary.reason);

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary.path, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
