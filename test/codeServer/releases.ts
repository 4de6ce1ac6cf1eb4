/**
 * The code-server release to use for each Node major: every release only runs on the Node
 * major it was built for (checked with `npm view code-server@<v> engines`).
 */
const RELEASE_FOR_NODE_MAJOR: ReadonlyArray<readonly [nodeMajor: number, release: string]> = [
  [20, '4.100.3'], // VS Code 1.100.3, the last release for Node 20
  [22, '4.117.0'],
  [24, '4.139.1'],
];

export function codeServerReleaseForNode(nodeVersion: string = process.versions.node): string {
  const major = Number(nodeVersion.split('.')[0]);
  const exact = RELEASE_FOR_NODE_MAJOR.find(([nodeMajor]) => nodeMajor === major);
  if (exact) return exact[1];
  const newest = RELEASE_FOR_NODE_MAJOR[RELEASE_FOR_NODE_MAJOR.length - 1];
  if (major > newest[0]) return newest[1];
  throw new Error(
    `Node ${nodeVersion} has no matching code-server release; use Node ${RELEASE_FOR_NODE_MAJOR.map(([m]) => m).join(', ')} ` +
      '(this project needs Node >= 20.19).',
  );
}
