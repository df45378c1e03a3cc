// The end-to-end tests drive Debian's Chromium, never a downloaded browser. Say how to get it.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.error(`
找不到 Chromium(${CHROMIUM})，端到端测试需要系统自带的 Chromium。
  Debian/Ubuntu/UOS:sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
  其他位置的 Chromium:设置环境变量 CHROMIUM_PATH=/path/to/chromium
  （不要运行 npx playwright install:它会下载另一个浏览器。）

Chromium was not found at ${CHROMIUM}; the end-to-end tests use the system Chromium.
  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
  Elsewhere: set CHROMIUM_PATH=/path/to/chromium
`);
  process.exit(1);
}
