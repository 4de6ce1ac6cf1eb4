import assert from 'node:assert/strict';
import type { FoundTarget } from '../../../src/core/bulk/extract';
import { MAX_RAWS, type UniqueTarget } from '../../../src/core/bulk/extractUnique';
import type { InputKind } from '../../../src/core/catalog/toolDefinition';
import { describeTarget } from '../support/describeTarget';

/**
 * What the dedupe must give, computed the slow, obvious way from every occurrence: every way of
 * extracting (shared by the unique-extraction tests) must agree with it.
 */
export function expectedUnique(all: FoundTarget[]): Map<string, { first: string; count: number; raws: string[] }> {
  const expected = new Map<string, { first: string; count: number; raws: string[] }>();
  for (const target of all) {
    const key = `${target.kind}|${target.value}`;
    const known = expected.get(key);
    if (!known) expected.set(key, { first: describeTarget(target), count: 1, raws: [target.raw] });
    else {
      known.count++;
      if (!known.raws.includes(target.raw) && known.raws.length < MAX_RAWS) known.raws.push(target.raw);
    }
  }
  return expected;
}

export function assertUnique(actual: UniqueTarget[], all: FoundTarget[], label: string): void {
  const expected = expectedUnique(all);
  assert.deepEqual(
    actual.map((t) => `${t.kind}|${t.value}`),
    [...expected.keys()],
    `${label}: the same unique values, in order of first occurrence`,
  );
  for (const target of actual) {
    const want = expected.get(`${target.kind}|${target.value}`)!;
    assert.equal(describeTarget(target), want.first, `${label}: first occurrence of ${target.value}`);
    assert.equal(target.count, want.count, `${label}: count of ${target.value}`);
    assert.deepEqual(target.raws, want.raws, `${label}: raws of ${target.value}`);
  }
}

export const KIND_SETS: Array<readonly InputKind[] | undefined> = [undefined, ['ip'], ['email'], ['domain'], ['ip', 'email']];
