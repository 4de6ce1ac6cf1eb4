import * as assert from 'node:assert/strict';
import { BUNDLE_BUDGET_BYTES, productionBundleBytes } from '../../../devtools/bundleSize';

describe('the production bundle (built by esbuild.mjs, as shipped)', function () {
  this.timeout(60_000);

  it(`stays within ${BUNDLE_BUDGET_BYTES / 1024} KiB minified`, () => {
    const bytes = productionBundleBytes();
    assert.ok(bytes > 10_000, `the bundle is implausibly small (${bytes} bytes)`);
    assert.ok(
      bytes <= BUNDLE_BUDGET_BYTES,
      `dist/extension.js would be ${(bytes / 1024).toFixed(1)} KiB minified: over the ${BUNDLE_BUDGET_BYTES / 1024} KiB budget`,
    );
  });
});
