import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Stores and repositories run in happy-dom with fake-indexeddb (see test/renderer/setup.ts).
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/shared/**/*.test.ts'] } },
      {
        extends: true,
        // Electron is faked once, here, for every main-process test: nothing under test loads the real one.
        test: {
          name: 'main',
          include: ['test/main/**/*.test.ts'],
          setupFiles: ['test/main/electron-mock.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
