// ESLint: the recommended rules plus typescript-eslint's type-checked ones. Formatting is
// Prettier's job (npm run format); `npm run lint` runs both checks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexpPlugin from 'eslint-plugin-regexp';

const CORE_WITHOUT_VSCODE = { name: 'vscode', message: 'src/core runs in plain Node: put VS Code code in src/vscode/.' };

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'media/dist/', 'node_modules/', '.vscode-test/', '.cache/', 'test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  // Regular expressions run on answers, logs and selections: backtracking that grows faster than
  // the input would let one hostile line stall the shared extension host.
  regexpPlugin.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Style only: spelling out character classes reads more plainly here.
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/control-character-escape': 'off',
      'regexp/no-useless-character-class': 'off',
    },
  },
  {
    languageOptions: {
      // Each file is checked with the nearest tsconfig.json (root, src/webview, test).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // Stripping control characters is what several sanitisers here are for.
      'no-control-regex': 'off',
      // Async implementations of Promise-returning interfaces (and bench steps) need no await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The full zod entry (with every locale) is four times the rest of the bundle.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import * as z from 'zod/mini' in the extension: the full entry is 400 KB." }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']",
          message: "Import * as z from 'zod/mini': the `z` object keeps all of zod in the bundle.",
        },
      ],
    },
  },
  {
    // The MCP SDK (with the full zod and ajv) belongs to dist/mcp.js only, never to the extension bundle.
    files: ['src/**/*.ts'],
    ignores: ['src/mcp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: "Import * as z from 'zod/mini' in the extension: the full entry is 400 KB." }],
          patterns: [
            {
              group: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*'],
              message: 'Only src/mcp/ (dist/mcp.js) may import the MCP SDK: the extension bundle must not carry it.',
            },
          ],
        },
      ],
    },
  },
  // The layers, held by the linter rather than by habit: the core runs in plain Node (no VS Code),
  // the scanner at its bottom depends on nothing above it, the results page imports only types
  // from the extension (it runs in a webview), and the emulator stands apart from the product.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [CORE_WITHOUT_VSCODE],
          patterns: [{ group: ['**/vscode/**', '**/mcp/**', '**/webview/**'], message: 'src/core depends on no layer above it.' }],
        },
      ],
    },
  },
  {
    files: ['src/core/indicators/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [CORE_WITHOUT_VSCODE],
          patterns: [
            {
              group: ['../*', '!../indicators', '!../indicators/**'],
              message: 'The scanner is the lowest layer of the core: it imports nothing from the rest of src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The results page runs in a webview: it has no vscode module.' }],
          patterns: [
            {
              group: ['**/vscode/**', '**/mcp/**'],
              allowTypeImports: true,
              message: 'The results page imports only types from the extension host side (its messages come as data).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'The emulator stands in for the API: it imports nothing of the extension.' }] },
      ],
    },
  },
  {
    // Tests, dev scripts and benchmarks read untyped JSON (answers, exports, logs, the manifest)
    // and look into it directly; none of it ships.
    files: ['test/**/*.ts', 'devtools/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    // Test and benchmark fixtures that VS Code loads as they are: CommonJS extensions.
    files: ['test/fixtures/**/*.js', 'bench/host/*/extension.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', exports: 'writable', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
