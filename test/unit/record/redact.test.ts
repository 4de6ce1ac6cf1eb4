import * as assert from 'node:assert/strict';
import { isSensitiveKey, maskValue, redact, redactSecrets, redactText } from '../../../src/core/record/redact';

describe('isSensitiveKey', () => {
  const sensitive = [
    'password',
    'Password',
    'PASSWORD',
    'pass',
    'PASS',
    'passwd',
    'pwd',
    'userPassword',
    'user_password',
    'password_hash',
    'passwordHash',
    'hashed_password',
    'secret',
    'client_secret',
    'clientSecret',
    'token',
    'access-token',
    'accessToken',
    'refresh_token',
    'hash',
    'hashes',
    'md5hash',
    'salt',
    'api_key',
    'apikey',
    'apiKey',
    'API_KEY',
    'x-api-key',
    'X-Api-Key',
    'XAPIKey',
    'private_key',
    'privateKey',
    'session',
    'sessionId',
    'session_id',
    'cookie',
    'Cookies',
    'credential',
    'credentials',
    'auth',
    'Authorization',
    'auth_token',
    'passwords',
    'userpassword',
    'password2',
    'jwt',
    'otp',
    'passphrase',
  ];
  const harmless = [
    'passenger',
    'compass',
    'bypass',
    'passage',
    'author',
    'authors',
    'hashtag_count',
    'hashtags',
    'key',
    'keys',
    'id',
    'email',
    'username',
    'login',
    'host',
    'url',
    'title',
    'description',
    'status',
    'address',
    'first_seen',
    'tokenizer',
    'secretary',
    'possession',
    '',
    '___',
    '42',
  ];

  for (const key of sensitive) it(`masks "${key}"`, () => assert.equal(isSensitiveKey(key), true));
  for (const key of harmless) it(`leaves "${key}"`, () => assert.equal(isSensitiveKey(key), false));
});

describe('maskValue', () => {
  it('shows the length of a string, never the string', () => {
    assert.equal(maskValue('hunter2hunter'), '•••••• (13 chars)');
    assert.equal(maskValue('x'), '•••••• (1 char)');
    assert.equal(maskValue(''), '•••••• (0 chars)');
  });

  it('measures non-strings by their JSON text', () => {
    assert.equal(maskValue(123456), '•••••• (6 chars)');
    assert.equal(maskValue({ a: 1 }), '•••••• (7 chars)');
    assert.equal(maskValue(true), '•••••• (4 chars)');
  });

  it('still masks what JSON cannot measure', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(maskValue(cyclic), '•••••• (masked)');
  });
});

describe('redact', () => {
  it('masks at any depth, through arrays in objects in arrays', () => {
    const input = [
      {
        results: [
          {
            records: [
              { email: 'a@b.c', password: 'hunter2' },
              { login: 'x', pass: 'p@ss' },
            ],
          },
        ],
      },
    ];
    const { data, count } = redact(input);
    assert.deepEqual(data, [
      {
        results: [
          {
            records: [
              { email: 'a@b.c', password: '•••••• (7 chars)' },
              { login: 'x', pass: '•••••• (4 chars)' },
            ],
          },
        ],
      },
    ]);
    assert.equal(count, 2);
  });

  it('returns a deep copy and leaves the input untouched', () => {
    const input = { user: { name: 'n', token: 'abc' }, list: [1, 2] };
    const before = JSON.stringify(input);
    const { data } = redact(input) as { data: typeof input };
    assert.equal(JSON.stringify(input), before);
    assert.notEqual(data, input);
    assert.notEqual(data.user, input.user);
    assert.notEqual(data.list, input.list);
    assert.deepEqual(data.list, [1, 2]);
  });

  it('masks a whole object or array held under a sensitive key', () => {
    const { data, count } = redact({ credentials: { user: 'u', password: 'p' }, tokens: ['a', 'b'] });
    assert.deepEqual(data, { credentials: maskValue({ user: 'u', password: 'p' }), tokens: maskValue(['a', 'b']) });
    assert.equal(count, 2);
  });

  it('keeps nulls and primitives, and does not count null secrets', () => {
    assert.deepEqual(redact(null), { data: null, count: 0 });
    assert.deepEqual(redact('password'), { data: 'password', count: 0 });
    assert.deepEqual(redact({ password: null, n: 0, b: false }), { data: { password: null, n: 0, b: false }, count: 0 });
  });

  it('keeps counts and flags about secrets, but not secrets that are numbers', () => {
    const stats = { with_password: 3, with_passwords: 2, password_count: 1, has_token: true, isAuth: false };
    const { data, count } = redact({ stats, records: [{ password: 1234, pin_hash: 99, with_password: 'x' }] });
    assert.deepEqual(data, {
      stats,
      records: [{ password: '•••••• (4 chars)', pin_hash: '•••••• (2 chars)', with_password: '•••••• (1 char)' }],
    });
    assert.equal(count, 3);
  });

  it('is idempotent: masking masked data changes and counts nothing', () => {
    const once = redact({ password: 'hunter2', nested: [{ token: { a: 1 } }] });
    const twice = redact(once.data);
    assert.deepEqual(twice.data, once.data);
    assert.equal(twice.count, 0);
  });

  it('keeps key order and a literal __proto__ key as data, not as a prototype', () => {
    const input = JSON.parse('{"b":1,"__proto__":{"password":"x"},"a":2}') as object;
    const { data, count } = redact(input);
    assert.deepEqual(Object.keys(data as object), ['b', '__proto__', 'a']);
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(data, '__proto__')?.value, { password: '•••••• (1 char)' });
    assert.equal(count, 1);
  });

  it('handles 10,000 levels of nesting without overflowing the stack', () => {
    const depth = 10_000;
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < depth; i++) {
      const child: Record<string, unknown> = {};
      node.next = [child];
      node = child;
    }
    node.password = 'deep-secret';
    const { data, count } = redact(root);
    assert.equal(count, 1);
    let copy = data as Record<string, unknown>;
    for (let i = 0; i < depth; i++) copy = (copy.next as Array<Record<string, unknown>>)[0];
    assert.equal(copy.password, '•••••• (11 chars)');
    assert.equal(node.password, 'deep-secret');
  });

  it('terminates on a cycle', () => {
    const cyclic: Record<string, unknown> = { token: 't' };
    cyclic.again = cyclic;
    const { data, count } = redact(cyclic);
    const copy = data as Record<string, unknown>;
    assert.equal(copy.again, copy);
    assert.equal(copy.token, '•••••• (1 char)');
    assert.equal(count, 1);
  });
});

describe('redactText', () => {
  const key = 'nx_live_0123456789abcdef';

  it('replaces every occurrence of every secret', () => {
    assert.equal(redactText(`key=${key}; again ${key}`, [key]), 'key=[redacted]; again [redacted]');
  });

  it('replaces the longer secret whole when one contains another', () => {
    assert.equal(redactText('abcdef', ['abc', 'abcdef']), '[redacted]');
  });

  it('ignores empty secrets instead of redacting everything', () => {
    assert.equal(redactText('plain text', ['', '  ']), 'plain text');
  });

  it('treats secrets literally, not as patterns', () => {
    assert.equal(redactText('a.b a+b $&', ['a+b', '$&']), 'a.b [redacted] [redacted]');
  });
});

describe('redactSecrets', () => {
  it('replaces secrets inside every string at any depth, leaving the input untouched', () => {
    const input = { message: 'sent sk-1', list: [{ header: 'sk-1' }], n: 1 };
    assert.deepEqual(redactSecrets(input, ['sk-1']), { message: 'sent [redacted]', list: [{ header: '[redacted]' }], n: 1 });
    assert.equal(input.list[0].header, 'sk-1');
  });
});
