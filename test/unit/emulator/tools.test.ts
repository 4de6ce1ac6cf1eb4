import assert from 'node:assert/strict';
import { callTool, useEmulator } from './harness';

/** Every string in the data that looks like a host name must be a reserved example domain. */
function hostsIn(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [...text.matchAll(/(?:https?:\/\/|@)([a-z0-9.-]+\.[a-z]{2,})/g)].map((match) => match[1]);
}

describe('emulator: built-in tools', () => {
  const { emulator, clock } = useEmulator();

  describe('gl_ping', () => {
    it('answers a reachable host with four probes and consistent rtt', async () => {
      const { status, json } = await callTool(emulator(), 'gl_ping', { ip: '8.8.4.4' });
      assert.equal(status, 200);
      const data = json.data;
      assert.equal(data.ip, '8.8.4.4');
      assert.equal(data.host, '8.8.4.4');
      assert.equal(data.alive, true);
      assert.equal(data.packet_loss, 0);
      assert.deepEqual(
        data.probes.map((probe: { seq: number }) => probe.seq),
        [1, 2, 3, 4],
      );
      const rtts = data.probes.map((probe: { rtt_ms: number }) => probe.rtt_ms);
      assert.equal(data.rtt.min, Math.min(...rtts));
      assert.equal(data.rtt.max, Math.max(...rtts));
      assert.ok(data.rtt.min <= data.rtt.avg && data.rtt.avg <= data.rtt.max);
      assert.equal(typeof data.location.country, 'string');
      assert.equal(typeof data.location.city, 'string');
      assert.equal(data.checked_at, new Date(clock().time).toISOString());
    });

    it('accepts IPv6', async () => {
      const { status, json } = await callTool(emulator(), 'gl_ping', { ip: '2606:4700::1111' });
      assert.equal(status, 200);
      assert.equal(json.data.alive, true);
    });

    it('reports documentation ranges as unreachable', async () => {
      for (const ip of ['192.0.2.1', '198.51.100.20', '203.0.113.254', '2001:db8::5']) {
        const { json } = await callTool(emulator(), 'gl_ping', { ip });
        assert.equal(json.data.alive, false, ip);
        assert.equal(json.data.packet_loss, 100, ip);
        assert.equal(json.data.rtt.avg, null, ip);
      }
    });

    it('is deterministic per IP and differs between IPs', async () => {
      const first = await callTool(emulator(), 'gl_ping', { ip: '1.1.1.1' });
      clock().advance(60_000);
      const again = await callTool(emulator(), 'gl_ping', { ip: '1.1.1.1' });
      const other = await callTool(emulator(), 'gl_ping', { ip: '9.9.9.9' });
      const { checked_at: firstTime, ...firstRest } = first.json.data;
      const { checked_at: againTime, ...againRest } = again.json.data;
      assert.deepEqual(againRest, firstRest);
      assert.notEqual(againTime, firstTime, 'checked_at follows the clock');
      assert.notDeepEqual(other.json.data.probes, first.json.data.probes);
    });
  });

  describe('breaches_search', () => {
    it('finds fake blocks with meta, risk and rate', async () => {
      const { status, json } = await callTool(emulator(), 'breaches_search', { query: 'alice@example.com' });
      assert.equal(status, 200);
      const data = json.data;
      assert.equal(data.status, 'found');
      assert.equal(data.meta.blocks_total, data.blocks.length);
      assert.ok(data.blocks.length >= 1);
      for (const block of data.blocks) {
        assert.equal(typeof block.title, 'string');
        assert.equal(typeof block.description, 'string');
      }
      assert.ok(data.meta.emails.includes('alice@example.com'));
      assert.ok(data.meta.first_seen <= data.meta.last_seen);
      assert.ok(data.risk.score >= 0 && data.risk.score <= 100);
      assert.ok(['low', 'medium', 'high', 'critical'].includes(data.risk.level));
      assert.equal(data.rate.remaining, null, 'no daily limit configured');
    });

    it('answers not_found with empty arrays for "nobody" queries', async () => {
      const { json } = await callTool(emulator(), 'breaches_search', { query: 'nobody@example.com' });
      assert.equal(json.data.status, 'not_found');
      assert.deepEqual(json.data.blocks, []);
      assert.deepEqual(json.data.meta.emails, []);
      assert.deepEqual(json.data.meta.names, []);
      assert.equal(json.data.meta.blocks_total, 0);
    });

    it('is deterministic', async () => {
      const a = await callTool(emulator(), 'breaches_search', { query: 'bob' });
      const b = await callTool(emulator(), 'breaches_search', { query: 'bob' });
      assert.equal(a.text, b.text);
    });
  });

  describe('breaches_s_v2', () => {
    it('returns records with plaintext-looking passwords and matching stats', async () => {
      const { status, json } = await callTool(emulator(), 'breaches_s_v2', { value: 'carol@example.com', type: 'email' });
      assert.equal(status, 200);
      const { stats, records } = json.data;
      assert.equal(stats.found, records.length);
      assert.equal(stats.with_passwords, records.filter((record: { password: string | null }) => record.password !== null).length);
      assert.equal(stats.unique_sources, new Set(records.map((record: { source: { name: string } }) => record.source.name)).size);
      for (const record of records) {
        assert.equal(record.email, 'carol@example.com');
        assert.match(record.source.breach_date, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(Array.isArray(record.fields));
        assert.equal(record.fields.includes('password'), record.password !== null);
      }
    });

    it('carries at least one password across a few values (the case clients must redact)', async () => {
      let withPassword = 0;
      for (const value of ['dave', 'erin', 'frank', 'grace']) {
        withPassword += (await callTool(emulator(), 'breaches_s_v2', { value, type: 'auto' })).json.data.stats.with_passwords;
      }
      assert.ok(withPassword > 0);
    });

    it('is empty for "nobody" and deterministic otherwise', async () => {
      assert.deepEqual((await callTool(emulator(), 'breaches_s_v2', { value: 'nobody' })).json.data.records, []);
      const a = await callTool(emulator(), 'breaches_s_v2', { value: 'heidi', type: 'username' });
      const b = await callTool(emulator(), 'breaches_s_v2', { value: 'heidi', type: 'username' });
      assert.equal(a.text, b.text);
    });
  });

  describe('ulp_search', () => {
    const search = { action: 'search', value: 'ivan@example.com', type: 'email', exact: false };

    it('honours limit while stats count everything', async () => {
      const { json } = await callTool(emulator(), 'ulp_search', { ...search, limit: 5 });
      assert.equal(json.data.records.length, 5);
      assert.ok(json.data.stats.total >= 20, 'a fuzzy search finds at least 20 lines');
      const all = await callTool(emulator(), 'ulp_search', { ...search, limit: 10_000 });
      assert.equal(all.json.data.records.length, all.json.data.stats.total);
      assert.deepEqual(all.json.data.records.slice(0, 5), json.data.records, 'the limit cuts the same list');
      assert.equal(all.json.data.stats.with_password, all.json.data.records.filter((r: { pass: string }) => r.pass !== '').length);
      assert.equal(all.json.data.stats.unique_hosts, new Set(all.json.data.records.map((r: { host: string }) => r.host)).size);
    });

    it('returns url, host, login and pass per record', async () => {
      const { json } = await callTool(emulator(), 'ulp_search', { ...search, limit: 3 });
      for (const record of json.data.records) {
        assert.ok(record.url.startsWith(`https://${record.host}/`));
        assert.equal(record.login, 'ivan@example.com');
        assert.equal(typeof record.pass, 'string');
      }
    });

    it('is empty for "nobody"', async () => {
      const { json } = await callTool(emulator(), 'ulp_search', { ...search, value: 'nobody' });
      assert.deepEqual(json.data, { stats: { total: 0, unique_hosts: 0, with_password: 0 }, records: [] });
    });
  });

  it('only ever names reserved example domains', async () => {
    const answers = [
      await callTool(emulator(), 'breaches_search', { query: 'judy' }),
      await callTool(emulator(), 'breaches_s_v2', { value: 'judy' }),
      await callTool(emulator(), 'ulp_search', { action: 'search', value: 'judy', limit: 50 }),
    ];
    const hosts = answers.flatMap((answer) => hostsIn(answer.json.data));
    assert.ok(hosts.length > 0);
    for (const host of hosts) assert.match(host, /(^|\.)example\.(com|org|net)$/);
  });

  describe('extra tools from config', () => {
    it('answers fixed data or echoes the body', async () => {
      emulator().configure({ extraTools: { my_fixed: { kind: 'fixed', data: { hello: 'world' } }, my_echo: { kind: 'echo' } } });
      assert.deepEqual((await callTool(emulator(), 'my_fixed', { any: 1 })).json, { success: true, data: { hello: 'world' } });
      assert.deepEqual((await callTool(emulator(), 'my_echo', { any: [1, 2] })).json, { success: true, data: { any: [1, 2] } });
    });

    it('go through the same key, disable and limit checks', async () => {
      emulator().configure({ extraTools: { my_echo: { kind: 'echo' } }, cooldownSeconds: 5 });
      assert.equal((await callTool(emulator(), 'my_echo', {}, { key: null })).status, 401);
      assert.equal((await callTool(emulator(), 'my_echo', {})).status, 200);
      assert.equal((await callTool(emulator(), 'my_echo', {})).status, 429);
      emulator().configure({ disabledTools: ['my_echo'] });
      assert.equal((await callTool(emulator(), 'my_echo', {})).status, 403);
    });

    it('can stand in for a built-in tool, and disappear on reset', async () => {
      emulator().configure({ extraTools: { gl_ping: { kind: 'fixed', data: 'stub' } } });
      assert.equal((await callTool(emulator(), 'gl_ping', {})).json.data, 'stub');
      emulator().configure({ extraTools: { other: { kind: 'echo' } } });
      emulator().reset();
      assert.equal((await callTool(emulator(), 'other', {})).status, 404);
      assert.equal((await callTool(emulator(), 'gl_ping', { ip: '1.1.1.1' })).json.data.ip, '1.1.1.1');
    });
  });
});
