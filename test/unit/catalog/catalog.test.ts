import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { fillTemplate } from '../../../src/core/catalog/bodyTemplate';
import { builtinTexts } from '../../../src/core/catalog/builtinTexts';
import { BUILTIN_TOOLS } from '../../../src/core/catalog/builtinTools';
import { buildCatalog } from '../../../src/core/catalog/catalog';
import { INPUT_KINDS } from '../../../src/core/catalog/toolDefinition';
import { parseUserTools, userToolEntrySchema } from '../../../src/core/catalog/userTools';
import { USER_TOOLS_JSON_SCHEMA } from '../../../src/core/catalog/userToolsJsonSchema';
import { plainTranslate, type Translate } from '../../../src/core/translate';

describe('built-in tools', () => {
  const tool = (name: string) => {
    const found = BUILTIN_TOOLS.find((t) => t.name === name);
    assert.ok(found, name);
    return found;
  };

  it('build the bodies the API notes describe', () => {
    assert.deepEqual(tool('gl_ping').buildBody('1.1.1.1'), { ip: '1.1.1.1' });
    assert.deepEqual(tool('breaches_search').buildBody('a@b.io'), { query: 'a@b.io' });
    assert.deepEqual(tool('breaches_s_v2').buildBody('a@b.io'), { value: 'a@b.io', type: 'auto' });
    assert.deepEqual(tool('ulp_search').buildBody('a@b.io', 'email'), {
      action: 'search',
      value: 'a@b.io',
      type: 'email',
      exact: true,
      limit: 200,
    });
  });

  it('give ulp_search the detected type only for the kinds it names', () => {
    const ulp = tool('ulp_search');
    assert.equal(ulp.buildBody('x', 'username').type, 'username');
    assert.equal(ulp.buildBody('x.io', 'domain').type, 'domain');
    assert.equal(ulp.buildBody('1.2.3.4', 'ip').type, 'auto');
    assert.equal(ulp.buildBody('x', 'text').type, 'auto');
    assert.equal(ulp.buildBody('x').type, 'auto');
  });

  it('are consistent: valid names, primary kind accepted, primary field in the body, marked builtin', () => {
    for (const t of BUILTIN_TOOLS) {
      assert.match(t.name, /^[a-z0-9_]+$/);
      assert.ok(t.acceptedKinds.includes(t.inputKind), t.name);
      assert.ok(t.primaryField in t.buildBody('v', t.inputKind), t.name);
      assert.equal(t.buildBody('v', t.inputKind)[t.primaryField], 'v', t.name);
      assert.equal(t.source, 'builtin');
    }
    assert.equal(tool('gl_ping').description, 'Basic health check (ping) of an IP address');
    assert.equal(tool('gl_ping').category, 'Network');
    assert.deepEqual(tool('breaches_search').acceptedKinds.slice().sort(), ['domain', 'email', 'ip', 'text', 'username']);
  });

  it('cannot be changed by a caller', () => {
    assert.throws(() => ((BUILTIN_TOOLS as unknown as unknown[]).length = 0));
    assert.throws(() => ((BUILTIN_TOOLS[0] as { name: string }).name = 'x'));
  });
});

describe('user tools (niamonx.tools)', () => {
  it('applies defaults: label = name, category Custom, input kind text, body {value: input}', () => {
    const { tools, invalid } = parseUserTools([{ name: 'whois_lookup' }]);
    assert.deepEqual(invalid, []);
    const [t] = tools;
    assert.ok(t);
    assert.equal(t.label, 'whois_lookup');
    assert.equal(t.category, 'Custom');
    assert.equal(t.inputKind, 'text');
    assert.deepEqual(t.acceptedKinds, [...INPUT_KINDS]);
    assert.equal(t.primaryField, 'value');
    assert.equal(t.source, 'user');
    assert.deepEqual(t.buildBody('example.com'), { value: 'example.com' });
    assert.match(t.description, /whois_lookup/);
  });

  it('fills the template everywhere the placeholder appears, leaving other values and keys alone', () => {
    const { tools } = parseUserTools([
      {
        name: 'geo.v2',
        label: 'Geo',
        category: 'Network',
        inputKind: 'ip',
        body: {
          opts: { verbose: true, n: 3, none: null },
          target: 'ip:${input}',
          list: ['${input}', 'x'],
          addr: '${input}',
          '${input}': 'key stays',
        },
      },
    ]);
    const [t] = tools;
    assert.ok(t);
    assert.equal(t.primaryField, 'addr', 'an exact placeholder beats an embedded one');
    assert.deepEqual(t.acceptedKinds, ['ip']);
    assert.deepEqual(t.buildBody('1.2.3.4'), {
      opts: { verbose: true, n: 3, none: null },
      target: 'ip:1.2.3.4',
      list: ['1.2.3.4', 'x'],
      addr: '1.2.3.4',
      '${input}': 'key stays',
    });
  });

  it('substitutes safely: quotes, braces and replacement patterns cannot change the body', () => {
    const [t] = parseUserTools([{ name: 'x', body: { q: 'find ${input} now', v: '${input}' } }]).tools;
    assert.ok(t);
    const nasty = `a", "admin": true, "x": "$& $' $\` $1 }{\\`;
    const body = t.buildBody(nasty);
    assert.deepEqual(Object.keys(body).sort(), ['q', 'v']);
    assert.equal(body.v, nasty);
    assert.equal(body.q, `find ${nasty} now`);
    assert.deepEqual(JSON.parse(JSON.stringify(body)), body);
  });

  it('keeps the template unchanged between calls and a "__proto__" key from touching any prototype', () => {
    const template = JSON.parse('{"value":"${input}","__proto__":{"polluted":"${input}"}}') as Record<string, unknown>;
    const [t] = parseUserTools([{ name: 'x', body: template }]).tools;
    assert.ok(t);
    const first = t.buildBody('one');
    const second = t.buildBody('two');
    assert.equal(first.value, 'one');
    assert.equal(second.value, 'two');
    assert.equal(Object.getPrototypeOf(second), Object.prototype);
    assert.equal((second as { polluted?: unknown }).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Even a template that kept the key (zod drops it) fills it as an own data property.
    const filled = fillTemplate(template, 'three');
    assert.equal(Object.getPrototypeOf(filled), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(filled, '__proto__')?.value, { polluted: 'three' });
  });

  it('reports every kind of invalid entry with a readable reason and never makes it usable', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['gl_ping', /niamonx\.tools\[0\]: must be an object/],
      [null, /niamonx\.tools\[0\]: must be an object/],
      [[], /niamonx\.tools\[0\]: must be an object/],
      [{}, /niamonx\.tools\[0\]\.name: must be a string/],
      [{ name: 42 }, /\.name: must be a string/],
      [{ name: '' }, /\.name: must be 1–64 letters/],
      [{ name: '../admin' }, /\.name: must be 1–64/],
      [{ name: 'a/b' }, /\.name: must be 1–64/],
      [{ name: 'a..b' }, /\.name: .*no "\.\."/],
      [{ name: '.hidden' }, /\.name: must be 1–64/],
      [{ name: 'x'.repeat(65) }, /\.name: must be 1–64/],
      [{ name: 'has space' }, /\.name: must be 1–64/],
      [{ name: 'ok', inputKind: 'ipv4' }, /\.inputKind: must be one of ip, email, domain, username, phone, text/],
      [{ name: 'ok', body: [] }, /\.body: must be a JSON object/],
      [{ name: 'ok', body: 'value=${input}' }, /\.body: must be a JSON object/],
      [{ name: 'ok', body: null }, /\.body: must be a JSON object/],
      [{ name: 'ok', body: { value: 'fixed' } }, /\.body: must contain the placeholder \$\{input\}/],
      [{ name: 'ok', body: { '${input}': 1 } }, /\.body: must contain the placeholder/],
      [{ name: 'ok', label: '   ' }, /\.label: must not be empty/],
      [{ name: 'ok', label: 7 }, /\.label: must be a string/],
      [{ name: 'ok', category: '' }, /\.category: must not be empty/],
      [{ name: 'ok', description: 'd'.repeat(301) }, /\.description: must be at most 300/],
      [{ name: 'ok', bodyTemplate: { v: '${input}' } }, /niamonx\.tools\[0\]: unknown field\(s\) bodyTemplate/],
    ];
    for (const [entry, reason] of cases) {
      const { tools, invalid } = parseUserTools([entry]);
      assert.deepEqual(tools, [], JSON.stringify(entry));
      assert.equal(invalid.length, 1, JSON.stringify(entry));
      assert.equal(invalid[0].index, 0);
      assert.match(invalid[0].reason, reason, JSON.stringify(entry));
    }
  });

  it('names the entry in the report when it has a readable name', () => {
    const { invalid } = parseUserTools([{ name: 'good' }, { name: 'bad', inputKind: 'nope' }]);
    assert.deepEqual(
      invalid.map(({ index, name }) => ({ index, name })),
      [{ index: 1, name: 'bad' }],
    );
  });

  it('rejects the second of two entries with the same name', () => {
    const { tools, invalid } = parseUserTools([{ name: 'dup', label: 'First' }, { name: 'dup', label: 'Second' }, { name: 'other' }]);
    assert.deepEqual(
      tools.map((t) => t.label),
      ['First', 'other'],
    );
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0].index, 1);
    assert.match(invalid[0].reason, /niamonx\.tools\[1\]\.name: "dup" is already defined/);
  });

  it(`uses only the first 100 entries`, () => {
    const setting = Array.from({ length: 103 }, (_, i) => ({ name: `t${i}` }));
    const { tools, invalid } = parseUserTools(setting);
    assert.equal(tools.length, 100);
    assert.deepEqual(
      invalid.map((e) => e.index),
      [100, 101, 102],
    );
    assert.match(invalid[0].reason, /only the first 100/);
  });

  it('treats a missing setting as empty and a non-array as one readable error', () => {
    assert.deepEqual(parseUserTools(undefined), { tools: [], invalid: [] });
    assert.deepEqual(parseUserTools(null), { tools: [], invalid: [] });
    const { tools, invalid } = parseUserTools({ name: 'x' });
    assert.deepEqual(tools, []);
    assert.deepEqual(invalid, [{ index: -1, reason: 'niamonx.tools: must be an array of tool objects' }]);
  });
});

describe('buildCatalog', () => {
  it('holds the built-ins when there are no user tools', () => {
    const catalog = buildCatalog(undefined);
    assert.deepEqual(
      catalog.tools.map((t) => t.name),
      ['gl_ping', 'breaches_search', 'breaches_s_v2', 'ulp_search'],
    );
    assert.equal(catalog.find('gl_ping')?.label, 'Ping');
    assert.equal(catalog.find('nope'), undefined);
    assert.deepEqual(catalog.invalid, []);
  });

  it('lets a user entry with a built-in name replace it in place', () => {
    const catalog = buildCatalog([
      { name: 'mine' },
      { name: 'gl_ping', label: 'My ping', inputKind: 'ip', body: { ip: '${input}', count: 4 } },
    ]);
    assert.deepEqual(
      catalog.tools.map((t) => t.name),
      ['gl_ping', 'breaches_search', 'breaches_s_v2', 'ulp_search', 'mine'],
    );
    const ping = catalog.find('gl_ping');
    assert.equal(ping?.source, 'user');
    assert.equal(ping?.label, 'My ping');
    assert.deepEqual(ping?.buildBody('1.1.1.1'), { ip: '1.1.1.1', count: 4 });
  });

  it('reports invalid entries and keeps them out of find and forKind', () => {
    const catalog = buildCatalog([
      { name: 'bad/name', inputKind: 'ip' },
      { name: 'fine', inputKind: 'ip' },
    ]);
    assert.equal(catalog.invalid.length, 1);
    assert.equal(catalog.find('bad/name'), undefined);
    assert.deepEqual(
      catalog.forKind('ip').map((t) => t.name),
      ['gl_ping', 'fine', 'breaches_search'],
    );
  });

  it('orders forKind: tools made for the kind first, then those that also take it, each in catalog order', () => {
    const catalog = buildCatalog([
      { name: 'free' },
      { name: 'mail_check', inputKind: 'email' },
      { name: 'phone_check', inputKind: 'phone' },
    ]);
    assert.deepEqual(
      catalog.forKind('email').map((t) => t.name),
      ['breaches_search', 'breaches_s_v2', 'mail_check', 'ulp_search', 'free'],
    );
    assert.deepEqual(
      catalog.forKind('domain').map((t) => t.name),
      ['ulp_search', 'breaches_search', 'breaches_s_v2', 'free'],
    );
    assert.deepEqual(
      catalog.forKind('ip').map((t) => t.name),
      ['gl_ping', 'breaches_search', 'free'],
    );
    assert.deepEqual(
      catalog.forKind('phone').map((t) => t.name),
      ['phone_check', 'free'],
    );
    assert.deepEqual(
      catalog.forKind('text').map((t) => t.name),
      ['free', 'breaches_search', 'breaches_s_v2', 'ulp_search'],
    );
  });
});

describe('USER_TOOLS_JSON_SCHEMA', () => {
  const items = USER_TOOLS_JSON_SCHEMA.items;

  it('describes exactly the fields the zod schema accepts', () => {
    assert.deepEqual(Object.keys(items.properties).sort(), Object.keys(userToolEntrySchema().shape).sort());
    assert.deepEqual(items.required, ['name']);
    assert.equal(items.additionalProperties, false);
    assert.deepEqual(items.properties.inputKind.enum, [...INPUT_KINDS]);
    assert.equal(USER_TOOLS_JSON_SCHEMA.maxItems, 100);
  });

  it('has a name pattern that agrees with the zod check', () => {
    const pattern = new RegExp(items.properties.name.pattern);
    for (const name of [
      'gl_ping',
      'a',
      '_x',
      'v2.tool-name',
      'x'.repeat(64),
      '',
      '.x',
      '-x',
      'a..b',
      'a/b',
      '../x',
      'x'.repeat(65),
      'a b',
    ]) {
      assert.equal(pattern.test(name), userToolEntrySchema().shape.name.safeParse(name).success, name);
    }
  });

  it('is plain JSON that package.json can hold', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(USER_TOOLS_JSON_SCHEMA)), USER_TOOLS_JSON_SCHEMA);
    assert.deepEqual(items.properties.body.default, { value: '${input}' });
  });
});

describe('built-in tool texts', () => {
  it('say in English exactly what the built-in definitions say, so translations start from the right text', () => {
    const texts = builtinTexts(plainTranslate);
    for (const tool of BUILTIN_TOOLS) {
      assert.deepEqual(texts[tool.name], { label: tool.label, description: tool.description, category: tool.category }, tool.name);
    }
  });

  it('reach the catalog through the translator, API names untouched', () => {
    const shout: Translate = (message) => message.toUpperCase();
    const ping = buildCatalog([], shout).find('gl_ping');
    assert.equal(ping?.label, 'PING');
    assert.equal(ping?.name, 'gl_ping');
  });
});
