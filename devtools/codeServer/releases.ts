/**
 * The two VS Codes every test run covers: the oldest release `engines.vscode` allows and the
 * newest code-server on the npm registry. Every code-server release runs only on the Node
 * major it was built for (`npm view code-server@<v> engines`); that Node comes from the npm
 * registry too (see nodeRuntime.ts) when the Node running the tests is another major.
 */
export type VsCodeTarget = 'oldest' | 'newest';

export interface CodeServerRelease {
  target: VsCodeTarget;
  /** The code-server release on npm. */
  codeServer: string;
  /** The VS Code it ships. */
  vscode: string;
  nodeMajor: number;
  /** The `node-<platform>-<arch>` package version installed when the running Node is another major. */
  nodePackage: string;
  /**
   * Whether the workbench takes a test payload from the URL (extensionDevelopmentPath,
   * extensionTestsPath) only with the smoke-test driver enabled on the server (1.139 does). That
   * driver also changes what a user sees (no notification toasts, the chat view focused), so only
   * extension-test windows turn it on; UI windows there load the extension as installed instead.
   */
  needsSmokeTestDriver: boolean;
}

export const RELEASES: Readonly<Record<VsCodeTarget, CodeServerRelease>> = {
  oldest: {
    target: 'oldest',
    codeServer: '4.100.3',
    vscode: '1.100.3',
    nodeMajor: 20,
    nodePackage: '20.20.2',
    needsSmokeTestDriver: false,
  },
  newest: { target: 'newest', codeServer: '4.139.1', vscode: '1.139.1', nodeMajor: 24, nodePackage: '24.22.3', needsSmokeTestDriver: true },
};

const TARGETS: readonly VsCodeTarget[] = ['oldest', 'newest'];

/** NIAMONX_VSCODE=oldest|newest|both (default both): the VS Codes a test run covers. */
export function selectedTargets(value: string | undefined = process.env.NIAMONX_VSCODE): VsCodeTarget[] {
  const wanted = (value || 'both').trim().toLowerCase();
  if (wanted === 'both') return [...TARGETS];
  if ((TARGETS as readonly string[]).includes(wanted)) return [wanted as VsCodeTarget];
  throw new Error(`NIAMONX_VSCODE=${value} is not one of: oldest, newest, both.`);
}

/** The one VS Code a single process drives: the first selected (oldest unless NIAMONX_VSCODE=newest). */
export function currentRelease(value: string | undefined = process.env.NIAMONX_VSCODE): CodeServerRelease {
  return RELEASES[selectedTargets(value)[0]];
}
