import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// The dev server injects <style> tags for hot reload; relax style-src for development only. The
// production build keeps the strict policy of renderer/index.html (CSS in files).
const devCspForStyles: Plugin = {
  name: 'kentan-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

// Where builds go; a second checkout-local build dir (KENTAN_OUT=out-b) lets two people run the
// end-to-end tests side by side without overwriting each other's build.
const out = process.env['KENTAN_OUT'] ?? 'out';

// The app's version, for the browser build's `app.info()` (and so for the header of its backups).
const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string;
};

export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      // A sandboxed preload cannot load ES modules or other files: one CommonJS bundle.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
    plugins: [
      devCspForStyles,
      vue(),
      Components({ resolvers: [ElementPlusResolver()], dts: false, dirs: [] }),
    ],
    build: {
      outDir: resolve(__dirname, out, 'renderer'),
      // electron-vite leaves bundles unminified by default; the renderer parses faster minified.
      minify: true,
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
