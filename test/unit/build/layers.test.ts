import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { PROJECT_ROOT } from '../../../devtools/projectPaths';

/**
 * The layer rules of eslint.config.mjs, each broken once: a file placed in a layer imports what
 * that layer must not, and lint says so. (Type-aware rules are off here: only imports matter.)
 */
const BROKEN: Array<{ file: string; code: string; rule: string }> = [
  { file: 'src/core/run/probe.ts', code: "import * as vscode from 'vscode';\nexport const x = vscode;", rule: 'the core imports vscode' },
  {
    file: 'src/core/run/probe.ts',
    code: "import { x } from '../../vscode/config';\nexport const y = x;",
    rule: 'the core climbs into src/vscode',
  },
  {
    file: 'src/core/indicators/probe.ts',
    code: "import { x } from '../catalog/catalog';\nexport const y = x;",
    rule: 'the scanner imports a higher core layer',
  },
  {
    file: 'src/webview/probe.ts',
    code: "import { x } from '../vscode/results/panelRegistry';\nexport const y = x;",
    rule: 'the results page imports extension code',
  },
  {
    file: 'src/webview/probe.ts',
    code: "import * as vscode from 'vscode';\nexport const x = vscode;",
    rule: 'the results page imports vscode',
  },
  {
    file: 'emulator/probe.ts',
    code: "import { x } from '../src/core/errors';\nexport const y = x;",
    rule: 'the emulator imports the extension',
  },
];

const ALLOWED: Array<{ file: string; code: string; what: string }> = [
  {
    file: 'src/core/run/probe.ts',
    code: "import { x } from '../target/detectTarget';\nexport const y = x;",
    what: 'the core using its scanner',
  },
  {
    file: 'src/webview/probe.ts',
    code: "import type { X } from '../vscode/results/panelRegistry';\nexport type Y = X;",
    what: 'the results page importing a type',
  },
  {
    file: 'src/vscode/probe.ts',
    code: "import * as vscode from 'vscode';\nexport const x = vscode;",
    what: 'the VS Code layer importing vscode',
  },
];

function layerErrors(results: ESLint.LintResult[]): string[] {
  return results.flatMap((result) =>
    result.messages.filter((message) => message.ruleId?.endsWith('no-restricted-imports')).map((message) => message.message),
  );
}

describe('Layers the linter holds', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: PROJECT_ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });

  for (const { file, code, rule } of BROKEN) {
    it(`fails when ${rule}`, async () => {
      const errors = layerErrors(await eslint.lintText(code, { filePath: `${PROJECT_ROOT}/${file}` }));
      assert.equal(errors.length, 1, `${file}: ${errors.join('; ') || 'no layer error'}`);
    });
  }

  for (const { file, code, what } of ALLOWED) {
    it(`allows ${what}`, async () => {
      assert.deepEqual(layerErrors(await eslint.lintText(code, { filePath: `${PROJECT_ROOT}/${file}` })), []);
    });
  }
});
