import * as assert from 'node:assert/strict';
import { lazy } from '../../src/core/lazy';

describe('lazy', () => {
  it('builds nothing until first used, then builds once and returns the same value', () => {
    let builds = 0;
    const value = lazy(() => ({ built: ++builds }));
    assert.equal(builds, 0);
    const first = value();
    assert.equal(builds, 1);
    assert.equal(value(), first);
    assert.equal(builds, 1);
  });

  it('builds again after a failed build (nothing half-built is kept)', () => {
    let attempts = 0;
    const value = lazy(() => {
      attempts++;
      if (attempts === 1) throw new Error('first build fails');
      return 'ok';
    });
    assert.throws(() => value(), /first build fails/);
    assert.equal(value(), 'ok');
    assert.equal(attempts, 2);
  });

  it('keeps a built undefined instead of building again', () => {
    let builds = 0;
    const value = lazy(() => {
      builds++;
      return undefined;
    });
    value();
    value();
    assert.equal(builds, 1);
  });
});
