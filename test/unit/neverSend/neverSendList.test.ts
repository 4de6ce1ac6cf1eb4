import * as assert from 'node:assert/strict';
import {
  neverSendMatch,
  neverSendMatchOfText,
  refusalMessage,
  skipReasonOf,
  type NeverSendPolicy,
} from '../../../src/core/neverSend/neverSendCheck';
import { parseNeverSendList } from '../../../src/core/neverSend/neverSendList';
import { neverSendMatchOfBody } from '../../../src/core/neverSend/requestGate';
import { findTargets } from '../../../src/core/indicators/detectTarget';

const policy = (entries: unknown, allowTestRanges = false): NeverSendPolicy => ({
  list: parseNeverSendList(entries),
  allowTestRanges,
});
const LIST = policy([
  '23.10.0.0/16',
  '2606:4700::/32',
  '8.8.4.4',
  'corp.example',
  '@mail.example.org',
  'ceo@partner.example',
  'jdoe',
  '*.wild.example',
]);
const refused = (text: string, p = LIST) => neverSendMatchOfText(text, p);

describe('never-send list matching', () => {
  it('CIDR ranges cover every address inside and nothing outside', () => {
    assert.equal(refused('23.10.0.0')?.entry, '23.10.0.0/16');
    assert.equal(refused('23.10.255.255')?.entry, '23.10.0.0/16');
    assert.equal(refused('23.11.0.0'), undefined);
    assert.equal(refused('23.9.255.255'), undefined);
    assert.equal(refused('2606:4700:10::6816:1')?.entry, '2606:4700::/32');
    assert.equal(refused('2606:4701::1'), undefined);
  });

  it('a single address is its own /32, also written as IPv4-mapped IPv6', () => {
    assert.equal(refused('8.8.4.4')?.entry, '8.8.4.4');
    assert.equal(refused('::ffff:8.8.4.4')?.entry, '8.8.4.4');
    assert.equal(refused('8.8.4.5'), undefined);
  });

  it('a domain covers itself, its subdomains and the emails at them, not look-alikes', () => {
    assert.equal(refused('corp.example')?.entry, 'corp.example');
    assert.equal(refused('vpn.eu.corp.example')?.entry, 'corp.example');
    assert.equal(refused('alice@hr.corp.example')?.entry, 'corp.example');
    assert.equal(refused('CORP.EXAMPLE.')?.entry, 'corp.example');
    assert.equal(refused('notcorp.example'), undefined);
    assert.equal(refused('corp.example.evil.test'), undefined);
    assert.equal(refused('x.wild.example')?.entry, '*.wild.example');
  });

  it('an email domain covers the addresses there, not the host itself', () => {
    assert.equal(refused('bob@mail.example.org')?.entry, '@mail.example.org');
    assert.equal(refused('mail.example.org'), undefined);
    assert.equal(refused('bob@example.org'), undefined);
  });

  it('exact values match whole values, without case', () => {
    assert.equal(refused('CEO@partner.example')?.entry, 'ceo@partner.example');
    assert.equal(refused('cfo@partner.example'), undefined);
    assert.equal(refused('JDoe')?.entry, 'jdoe');
    assert.equal(refused('jdoe2'), undefined);
  });

  it('non-public addresses and internal names are on the list implicitly', () => {
    const empty = policy([]);
    for (const [value, cls] of [
      ['10.0.0.5', 'private'],
      ['192.168.1.1', 'private'],
      ['127.0.0.1', 'loopback'],
      ['169.254.1.1', 'link-local'],
      ['100.64.0.1', 'carrier-grade-nat'],
      ['192.0.2.1', 'documentation'],
      ['224.0.0.1', 'multicast'],
      ['fd00::1', 'unique-local'],
      ['fe80::1', 'link-local'],
      ['::1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
    ])
      assert.equal(refused(value, empty)?.ipClass, cls, value);
    for (const name of ['localhost', 'db.internal', 'printer.local', 'nas.home.arpa', 'x@db.internal'])
      assert.ok(refused(name, empty)?.specialName, name);
    assert.equal(refused('1.1.1.1', empty), undefined);
    assert.equal(refused('example.com', empty), undefined);
  });

  it('documentation ranges pass only when the policy allows them (from source, to the local emulator)', () => {
    assert.equal(refused('192.0.2.1', policy([], true)), undefined);
    assert.equal(refused('10.0.0.1', policy([], true))?.ipClass, 'private');
  });

  it('defanged entries are refanged; bad entries are reported, the rest still used', () => {
    const list = parseNeverSendList(['corp[.]example', 42, '10.0.0.0/40', '@', '  ', '1.2.3.4']);
    assert.equal(list.domains.get('corp.example'), 'corp.example');
    assert.equal(list.invalid.length, 3);
    assert.equal(list.size, 2);
    assert.equal(parseNeverSendList('10.0.0.0/8').invalid.length, 1);
  });

  it('scanned targets (bulk) are judged by kind', () => {
    const scanned = policy(['23.10.0.0/16', 'corp-example.com']);
    const [ip, email, domain, other] = findTargets('23.10.4.4 a@corp-example.com vpn.corp-example.com 1.1.1.1');
    assert.equal(neverSendMatch(ip, scanned)?.entry, '23.10.0.0/16');
    assert.equal(neverSendMatch(email, scanned)?.entry, 'corp-example.com');
    assert.equal(neverSendMatch(domain, scanned)?.entry, 'corp-example.com');
    assert.equal(other.value, '1.1.1.1');
    assert.equal(neverSendMatch(other, scanned), undefined);
  });

  it('a request body is refused when any string in it is, or holds, a value on the list', () => {
    assert.ok(neverSendMatchOfBody({ ip: '10.0.0.5' }, LIST));
    assert.ok(neverSendMatchOfBody({ query: 'logins from 23.10.9.9 last week' }, LIST));
    assert.ok(neverSendMatchOfBody({ nested: { list: ['x', 'jdoe'] } }, LIST));
    assert.equal(neverSendMatchOfBody({ ip: '1.1.1.1', count: 3 }, LIST), undefined);
  });

  it('says what was refused, why, and the way out', () => {
    const match = refused('vpn.corp.example')!;
    assert.match(
      refusalMessage(match),
      /vpn\.corp\.example is on your never-send list \(entry “corp\.example”\)\. Nothing was sent\..*Send Despite Never-Send List/,
    );
    assert.equal(skipReasonOf(refused('10.0.0.5', policy([]))!), 'on your never-send list (private address)');
  });
});
