// npm run web: serve the built renderer to a browser at http://localhost:4173. The renderer finds no
// window.desk there and uses its browser implementation of the bridge. Also used by the end-to-end
// tests and the benchmark (which mounts its own pages beside the app, on the same origin).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Start a static server. `mounts` maps URL prefixes to directories, longest prefix first;
 * '/' → out/renderer by default.
 */
export async function startWebServer({ port = 4173, host = '127.0.0.1', mounts = {} } = {}) {
  const table = Object.entries({
    '/': join(root, process.env.KENTAN_OUT ?? 'out', 'renderer'),
    ...mounts,
  }).sort(([a], [b]) => b.length - a.length);
  for (const [, dir] of table) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`找不到已构建的页面目录 ${dir}，请先运行 npm run build`);
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const [prefix, dir] = table.find(
      ([p]) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`),
    );
    let rel = pathname.slice(prefix.length).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
    }
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  startWebServer({ port })
    .then(() => {
      console.log(`恳谈会务台（浏览器预览）已启动：http://localhost:${port}`);
      console.log('数据保存在这个浏览器的 IndexedDB 中。按 Ctrl+C 停止。');
    })
    .catch((error) => {
      console.error(
        error.code === 'EADDRINUSE'
          ? `端口 ${port} 已被占用，请关闭占用它的程序或设置 PORT=其他端口`
          : error.message,
      );
      process.exit(1);
    });
}
