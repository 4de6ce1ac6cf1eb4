import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentRelease, RELEASES, selectedTargets } from '../../../devtools/codeServer/releases';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
  engines: { vscode: string };
};

describe('the VS Codes the tests run in', () => {
  it('NIAMONX_VSCODE picks oldest, newest or both (the default); anything else is refused', () => {
    assert.deepEqual(selectedTargets(undefined), ['oldest', 'newest']);
    assert.deepEqual(selectedTargets('both'), ['oldest', 'newest']);
    assert.deepEqual(selectedTargets('newest'), ['newest']);
    assert.deepEqual(selectedTargets(' Oldest '), ['oldest']);
    assert.throws(() => selectedTargets('1.139'), /not one of: oldest, newest, both/);
    assert.equal(currentRelease('newest').codeServer, '4.139.1');
    assert.equal(currentRelease(undefined).target, 'oldest');
  });

  it('the oldest is the release engines.vscode starts at, on the Node major its Node package is', () => {
    const [, major, minor] = /^\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode) ?? [];
    assert.ok(RELEASES.oldest.vscode.startsWith(`${major}.${minor}.`), `${RELEASES.oldest.vscode} vs ${manifest.engines.vscode}`);
    for (const release of Object.values(RELEASES)) assert.equal(Number(release.nodePackage.split('.')[0]), release.nodeMajor);
  });
});
