import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

const SLOW = 'test/**/*.slow.test.ts';

export default defineConfig({
  plugins: [vue()],
  test: {
    // *.slow.test.ts (the LibreOffice render, the 80,000-row import) run in their own project: `npm test`
    // runs everything, `npm run test:fast` the fast projects only, for feedback in seconds while editing.
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Stores and repositories run in happy-dom with fake-indexeddb (see test/renderer/setup.ts).
    projects: [
      {
        extends: true,
        test: { name: 'fast-shared', include: ['test/shared/**/*.test.ts'], exclude: [SLOW] },
      },
      {
        extends: true,
        // Electron is faked once, here, for every main-process test: nothing under test loads the real one.
        test: {
          name: 'fast-main',
          include: ['test/main/**/*.test.ts'],
          exclude: [SLOW],
          setupFiles: ['test/main/electron-mock.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'fast-renderer',
          include: ['test/renderer/**/*.test.ts'],
          exclude: [SLOW],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'slow', include: [SLOW] },
      },
    ],
  },
});
