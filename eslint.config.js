// ESLint flat config. The layer rules mirror docs/architecture.md, "Layers": shared/ imports nothing of ours,
// renderer/ never reaches into electron/, electron/ never reaches into renderer/.
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// zod only through shared/domain/zod.ts, which makes it jitless before any schema is built (the CSP).
const ZOD = [
  { name: 'zod', message: '请从 shared/domain/zod.ts 导入 z（它先关闭 zod 的 JIT，以符合内容安全策略）' },
];
const layer = (patterns) => ['error', { patterns, paths: ZOD }];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.d.ts.map',
    ],
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['build/**/*.{js,mjs}', 'test/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layer([
        { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ 不依赖其他层' },
        {
          group: ['electron', 'vue', 'pinia', 'dexie', 'element-plus', 'fs', 'node:*'],
          message: 'shared/ 必须保持纯 TypeScript',
        },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': layer([
        {
          group: ['**/electron/**', 'electron', 'electron/*'],
          message: '渲染进程只能通过 window.desk 桥访问主进程',
        },
        { group: ['node:*', 'fs', 'path', 'child_process'], message: '渲染进程不能使用 Node 模块' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': layer([{ group: ['**/renderer/**'], message: '主进程不能依赖渲染进程代码' }]),
    },
  },
  {
    // The one module that imports zod itself (and only zod).
    files: ['shared/domain/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  prettier,
);
