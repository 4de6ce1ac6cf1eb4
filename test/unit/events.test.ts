import * as assert from 'node:assert/strict';
import { Emitter } from '../../src/core/events';

describe('Emitter', () => {
  it('calls each subscribed listener with the value, and no longer after dispose', () => {
    const emitter = new Emitter<string>();
    const heard: string[] = [];
    const subscription = emitter.event((value) => heard.push(value));
    emitter.fire('a');
    subscription.dispose();
    emitter.fire('b');
    assert.deepEqual(heard, ['a']);
  });

  it('a listener that disposes another while firing does not skip it this time', () => {
    const emitter = new Emitter();
    const heard: string[] = [];
    emitter.event(() => {
      heard.push('first');
      second.dispose();
    });
    const second = emitter.event(() => heard.push('second'));
    emitter.fire();
    emitter.fire();
    assert.deepEqual(heard, ['first', 'second', 'first']);
  });

  it('a listener that throws does not keep the others from hearing; its error reaches the caller after', () => {
    const emitter = new Emitter();
    const heard: string[] = [];
    emitter.event(() => {
      throw new Error('broken listener');
    });
    emitter.event(() => heard.push('after'));
    assert.throws(() => emitter.fire(), /broken listener/);
    assert.deepEqual(heard, ['after']);
  });
});
