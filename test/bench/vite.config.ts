// Builds the benchmark page, served beside the app on the same origin so it can fill the app's
// own database and measure the app's own repositories in real Chromium.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  // Beside the app's build; KENTAN_OUT lets two people benchmark side by side.
  build: {
    outDir: resolve(import.meta.dirname, '../..', process.env['KENTAN_OUT'] ?? 'out', 'bench'),
    emptyOutDir: true,
    // BENCH_MINIFY=0 keeps function names readable in a CPU profile of the page.
    minify: process.env['BENCH_MINIFY'] !== '0',
  },
});
