import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { findTargets } from '../../../src/core/indicators/detectTarget';
import type { IpClass, Target, TargetKind } from '../../../src/core/indicators/target';

/** One expected target: its kind, value and raw text; offsets are checked against the raw text's position. */
interface Expected {
  kind: TargetKind;
  value: string;
  raw: string;
  cls?: IpClass;
  port?: number;
  prefixLength?: number;
  zone?: string;
  network?: string;
}

const ip = (kind: 'ipv4' | 'ipv6' | 'cidr', raw: string, value: string, cls: IpClass, extra: Partial<Expected> = {}): Expected => ({
  kind,
  raw,
  value,
  cls,
  ...extra,
});
const v4 = (raw: string, cls: IpClass, extra: Partial<Expected> = {}) =>
  ip('ipv4', raw, extra.port !== undefined || extra.prefixLength !== undefined ? raw.split(/[:/]/)[0] : raw, cls, extra);
const v6 = (raw: string, value: string, cls: IpClass, extra: Partial<Expected> = {}) => ip('ipv6', raw, value, cls, extra);
const email = (raw: string, value = raw): Expected => ({ kind: 'email', raw, value });
const domain = (raw: string, value = raw.toLowerCase()): Expected => ({ kind: 'domain', raw, value });

/** [label, line, every target expected in it, in order]. */
const ROWS: Array<[string, string, Expected[]]> = [
  // ── plain and punctuated IPv4 ──
  ['bare IPv4', '1.2.3.4', [v4('1.2.3.4', 'public')]],
  ['double-quoted with comma', '"1.1.1.1",', [v4('1.1.1.1', 'public')]],
  ['parenthesised', '(8.8.8.8)', [v4('8.8.8.8', 'public')]],
  ['angle brackets', '<1.1.1.1>', [v4('1.1.1.1', 'public')]],
  ['single-quoted with semicolon', "'1.1.1.1';", [v4('1.1.1.1', 'public')]],
  ['end of sentence', 'The resolver is 1.1.1.1.', [v4('1.1.1.1', 'public')]],
  ['question mark', 'Is it 9.9.9.9?', [v4('9.9.9.9', 'public')]],
  ['square brackets', 'peer [8.8.4.4] closed', [v4('8.8.4.4', 'public')]],
  ['IPv4 with port', '1.2.3.4:8080', [v4('1.2.3.4:8080', 'public', { port: 8080 })]],
  ['zero address', 'bind 0.0.0.0:80', [v4('0.0.0.0:80', 'unspecified', { port: 80 })]],
  ['broadcast', 'to 255.255.255.255', [v4('255.255.255.255', 'broadcast')]],
  ['loopback', 'listening on 127.0.0.1:5432', [v4('127.0.0.1:5432', 'loopback', { port: 5432 })]],
  ['link-local', 'APIPA 169.254.10.20 assigned', [v4('169.254.10.20', 'link-local')]],
  ['multicast', 'mDNS to 224.0.0.251', [v4('224.0.0.251', 'multicast')]],
  ['carrier-grade NAT', 'wan 100.64.1.2', [v4('100.64.1.2', 'carrier-grade-nat')]],
  ['private 172.16/12', 'gw 172.20.0.1', [v4('172.20.0.1', 'private')]],
  ['private 192.168/16', 'host 192.168.0.10', [v4('192.168.0.10', 'private')]],
  ['benchmarking', 'lab 198.18.0.5', [v4('198.18.0.5', 'benchmarking')]],
  ['class E reserved', 'odd 240.0.0.1', [v4('240.0.0.1', 'reserved')]],
  ['two addresses with a hyphen range', '10.0.0.1-10.0.0.9', [v4('10.0.0.1', 'private'), v4('10.0.0.9', 'private')]],
  ['CIDR IPv4', 'allow 10.0.0.0/8;', [ip('cidr', '10.0.0.0/8', '10.0.0.0', 'private', { prefixLength: 8, network: '10.0.0.0' })]],
  [
    'CIDR /32',
    'deny 203.0.113.7/32',
    [ip('cidr', '203.0.113.7/32', '203.0.113.7', 'documentation', { prefixLength: 32, network: '203.0.113.7' })],
  ],
  [
    'host with its prefix is not a CIDR',
    'inet 192.168.1.10/24 brd 192.168.1.255 scope global',
    [v4('192.168.1.10/24', 'private', { prefixLength: 24 }), v4('192.168.1.255', 'private')],
  ],

  // ── IPv4 look-alikes that are not addresses ──
  ['octet over 255', '999.1.1.1', []],
  ['256 first octet', '256.0.0.1', []],
  ['five-part version', 'version 1.2.3.4.5', []],
  ['v-prefixed version', 'release v1.2.3.4', []],
  ['pre-release suffix', 'tag 1.2.3.4-beta', []],
  ['letter suffix', 'build 1.2.3.4a', []],
  ['leading zeros', '01.02.03.04', []],
  ['three parts', 'version 1.2.3', []],
  ['OID', 'oid 1.3.6.1.4.1.311', []],
  ['Windows OID with dots', 'OID 1.3.6.1.4.1.311.21.7', []],
  ['semantic version with build', 'build 2024.01.15.1', []],
  ['time with fraction', '12:34:56.789', []],
  ['timestamp', '12:34:56', []],
  ['user-agent version token', 'Mozilla/5.0 (X11) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36', []],
  ['user-agent token at line start', 'Chrome/120.0.0.0', []],
  ['IP after a path segment is kept', 'GET /api/v1/ip/8.8.4.4 HTTP/1.1', [v4('8.8.4.4', 'public')]],
  ['URL-encoded prefix', 'q=%201.2.3.4x', []],
  ['word-glued', 'host1.2.3.4', []],
  ['reverse DNS name', 'PTR 4.3.2.1.in-addr.arpa', [domain('4.3.2.1.in-addr.arpa')]],
  ['HTTP version', '"GET / HTTP/1.1"', []],

  // ── IPv6 ──
  ['compressed IPv6', 'addr 2001:db8::1 up', [v6('2001:db8::1', '2001:db8::1', 'documentation')]],
  [
    'full IPv6',
    '2001:0db8:0000:0000:0000:ff00:0042:8329',
    [v6('2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329', 'documentation')],
  ],
  ['upper-case IPv6', 'SRC=2001:DB8::A', [v6('2001:DB8::A', '2001:db8::a', 'documentation')]],
  ['global IPv6', 'resolver 2606:4700:4700::1111', [v6('2606:4700:4700::1111', '2606:4700:4700::1111', 'public')]],
  ['IPv4-mapped', 'client ::ffff:1.2.3.4 connected', [v6('::ffff:1.2.3.4', '::ffff:1.2.3.4', 'ipv4-mapped')]],
  ['IPv4-mapped hex form', 'peer ::ffff:102:304', [v6('::ffff:102:304', '::ffff:1.2.3.4', 'ipv4-mapped')]],
  ['zone id', 'ping fe80::1%eth0', [v6('fe80::1%eth0', 'fe80::1', 'link-local', { zone: 'eth0' })]],
  [
    'numeric zone id (Windows)',
    'fe80::1c2d:3e4f:5a6b:7c8d%12',
    [v6('fe80::1c2d:3e4f:5a6b:7c8d%12', 'fe80::1c2d:3e4f:5a6b:7c8d', 'link-local', { zone: '12' })],
  ],
  ['bracketed with port', '[2001:db8::1]:443', [v6('[2001:db8::1]:443', '2001:db8::1', 'documentation', { port: 443 })]],
  ['bracketed without port', 'via [2001:db8::2]', [v6('[2001:db8::2]', '2001:db8::2', 'documentation')]],
  ['bracketed loopback', 'Connection from [::1]:5432', [v6('[::1]:5432', '::1', 'loopback', { port: 5432 })]],
  ['bracketed with zone and port', 'ssh [fe80::1%en0]:22', [v6('[fe80::1%en0]:22', 'fe80::1', 'link-local', { zone: 'en0', port: 22 })]],
  ['loopback', 'bound to ::1', [v6('::1', '::1', 'loopback')]],
  ['multicast', 'all-nodes ff02::1', [v6('ff02::1', 'ff02::1', 'multicast')]],
  ['unique local', 'ula fd12:3456:789a::1', [v6('fd12:3456:789a::1', 'fd12:3456:789a::1', 'unique-local')]],
  ['6to4', 'tunnel 2002:c000:204::1', [v6('2002:c000:204::1', '2002:c000:204::1', '6to4')]],
  ['NAT64', 'dns64 64:ff9b::192.0.2.33', [v6('64:ff9b::192.0.2.33', '64:ff9b::c000:221', 'ipv4-translated')]],
  [
    'CIDR IPv6',
    'route 2001:db8::/32',
    [ip('cidr', '2001:db8::/32', '2001:db8::', 'documentation', { prefixLength: 32, network: '2001:db8::' })],
  ],
  [
    'IPv6 host with prefix',
    'inet6 fe80::a00:27ff:fe4e:66a1/64 scope link',
    [v6('fe80::a00:27ff:fe4e:66a1/64', 'fe80::a00:27ff:fe4e:66a1', 'link-local', { prefixLength: 64 })],
  ],
  ['IPv6 ending a sentence', 'Blocked 2001:db8::9.', [v6('2001:db8::9', '2001:db8::9', 'documentation')]],
  ['IPv6 followed by a colon', 'connect to 2001:db8::7: refused', [v6('2001:db8::7', '2001:db8::7', 'documentation')]],
  ['IPv6 after an interface name', 'inside:2001:db8::5/443', [v6('2001:db8::5/443', '2001:db8::5', 'documentation', { port: 443 })]],

  // ── IPv6 look-alikes ──
  ['MAC address', 'ether 00:1a:2b:3c:4d:5e', []],
  ['hex pair', 'magic dead:beef', []],
  ['two hex groups without ::', 'cafe:babe:f00d', []],
  ['C++ scope', 'std::vector<int> x; Foo::bar();', []],
  ['bare ::', 'Server listening on :: port 22.', []],
  ['double ::', '1::2::3', []],
  ['nine groups', '1:2:3:4:5:6:7:8:9', []],
  ['ISO timestamp', '2024-01-15T10:23:45.123Z', []],
  ['netstat wildcard', 'tcp6 0 0 :::22 :::* LISTEN', []],

  // ── sshd / syslog ──
  [
    'sshd failed password',
    'Jan 12 03:14:07 web sshd[2211]: Failed password for root from 203.0.113.5 port 22 ssh2',
    [v4('203.0.113.5', 'documentation')],
  ],
  ['sshd invalid user', 'sshd[902]: Invalid user admin from 198.51.100.23 port 50122', [v4('198.51.100.23', 'documentation')]],
  [
    'sshd accepted publickey IPv6',
    'sshd[77]: Accepted publickey for deploy from 2001:db8:1::42 port 51000 ssh2: ED25519 SHA256:abc',
    [v6('2001:db8:1::42', '2001:db8:1::42', 'documentation')],
  ],
  [
    'sshd reverse mapping',
    'reverse mapping checking getaddrinfo for host.example.net [192.0.2.200] failed',
    [domain('host.example.net'), v4('192.0.2.200', 'documentation')],
  ],
  ['fail2ban ban', '2024-01-15 10:00:00,123 fail2ban.actions [1]: NOTICE [sshd] Ban 45.67.89.10', [v4('45.67.89.10', 'public')]],
  [
    'kernel UFW block',
    'kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:1a:2b:3c:4d:5e:00:1a:2b:3c:4d:5f:08:00 SRC=10.0.0.1 DST=10.0.0.2 LEN=60 PROTO=TCP SPT=12345 DPT=22',
    [v4('10.0.0.1', 'private'), v4('10.0.0.2', 'private')],
  ],
  [
    'iptables IPv6',
    'IN=eth0 SRC=2001:db8::10 DST=2001:db8::20 LEN=80',
    [v6('2001:db8::10', '2001:db8::10', 'documentation'), v6('2001:db8::20', '2001:db8::20', 'documentation')],
  ],
  ['dhcpd', 'dhcpd: DHCPACK on 192.168.1.50 to 00:11:22:33:44:55 (laptop) via eth0', [v4('192.168.1.50', 'private')]],
  [
    'named query',
    'named[1]: client @0x7f 192.0.2.9#53211 (example.org): query: example.org IN A +E(0)',
    [v4('192.0.2.9', 'documentation'), domain('example.org'), domain('example.org')],
  ],

  // ── web servers ──
  [
    'nginx access',
    '192.0.2.10 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 612 "-" "curl/8.4.0"',
    [v4('192.0.2.10', 'documentation')],
  ],
  [
    'nginx access IPv6 client',
    '2001:db8::beef - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/2.0" 404 0',
    [v6('2001:db8::beef', '2001:db8::beef', 'documentation')],
  ],
  [
    'nginx error upstream',
    '2024/01/15 10:23:45 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 192.0.2.1, server: example.com, request: "GET /api HTTP/1.1", upstream: "http://127.0.0.1:8080/api", host: "example.com"',
    [v4('192.0.2.1', 'documentation'), domain('example.com'), v4('127.0.0.1:8080', 'loopback', { port: 8080 }), domain('example.com')],
  ],
  [
    'Apache combined',
    '203.0.113.9 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"',
    [v4('203.0.113.9', 'documentation'), domain('www.example.com')],
  ],
  [
    'Apache error',
    '[Mon Jan 15 10:00:00.123456 2024] [core:error] [pid 42] [client 198.51.100.77:51234] AH00126: Invalid URI',
    [v4('198.51.100.77:51234', 'documentation', { port: 51234 })],
  ],
  [
    'X-Forwarded-For list',
    'X-Forwarded-For: 203.0.113.195, 2001:db8:85a3:8d3:1319:8a2e:370:7348, 150.172.238.178',
    [
      v4('203.0.113.195', 'documentation'),
      v6('2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3:1319:8a2e:370:7348', 'documentation'),
      v4('150.172.238.178', 'public'),
    ],
  ],
  [
    'Forwarded header',
    'Forwarded: for="[2001:db8:cafe::17]:4711";proto=http;by=203.0.113.43',
    [v6('[2001:db8:cafe::17]:4711', '2001:db8:cafe::17', 'documentation', { port: 4711 }), v4('203.0.113.43', 'documentation')],
  ],
  ['URL with IPv4 and port', 'fetch https://1.2.3.4:8443/path', [v4('1.2.3.4:8443', 'public', { port: 8443 })]],
  ['URL with IPv4 path digits', 'http://10.0.0.1/8/status', [v4('10.0.0.1', 'private')]],
  [
    'URL with bracketed IPv6',
    'GET https://[2001:db8::1]:8443/health',
    [v6('[2001:db8::1]:8443', '2001:db8::1', 'documentation', { port: 8443 })],
  ],
  ['URL with host and port', 'redirect to https://Login.Example.com:443/a?b=c', [domain('Login.Example.com')]],
  ['lookup URL with IP in path', 'see https://ipinfo.io/8.8.8.8/json', [domain('ipinfo.io'), v4('8.8.8.8', 'public')]],
  [
    'Traefik JSON',
    '{"ClientAddr":"192.0.2.55:41234","RequestHost":"api.example.io"}',
    [v4('192.0.2.55:41234', 'documentation', { port: 41234 }), domain('api.example.io')],
  ],

  // ── JSON and structured logs ──
  ['JSON client_ip', '{"client_ip":"198.51.100.7"}', [v4('198.51.100.7', 'documentation')]],
  ['JSON IPv6 field', '{"remote":"2001:db8::ab","status":403}', [v6('2001:db8::ab', '2001:db8::ab', 'documentation')]],
  ['JSON array of IPs', '{"ips":["10.1.1.1","10.1.1.2"]}', [v4('10.1.1.1', 'private'), v4('10.1.1.2', 'private')]],
  [
    'logfmt',
    'level=warn msg="blocked" src=192.0.2.12 dst=192.0.2.13 user=alice@example.org',
    [v4('192.0.2.12', 'documentation'), v4('192.0.2.13', 'documentation'), email('alice@example.org')],
  ],
  ['CloudTrail sourceIPAddress', '"sourceIPAddress": "52.95.4.10", "userAgent": "aws-cli/2.15.0"', [v4('52.95.4.10', 'public')]],
  ['Kubernetes pod IP', 'pod web-5d8 ip 10.244.1.17 node ip-10-0-1-5.ec2.internal', [v4('10.244.1.17', 'private')]],

  // ── Windows ──
  ['Windows 4625 source address', 'Source Network Address:\t192.0.2.44', [v4('192.0.2.44', 'documentation')]],
  ['Windows source port line', 'Source Port:\t\t0', []],
  ['Windows IPv6 mapped', 'Source Network Address:\t::ffff:192.0.2.45', [v6('::ffff:192.0.2.45', '::ffff:192.0.2.45', 'ipv4-mapped')]],
  ['Windows event workstation', 'Workstation Name: DESKTOP-1A2B3C Source Network Address: - Source Port: -', []],
  [
    'Windows firewall log',
    '2024-01-15 10:00:00 DROP TCP 192.0.2.66 10.0.0.3 51515 3389 0 - 0 0 0 - - - RECEIVE',
    [v4('192.0.2.66', 'documentation'), v4('10.0.0.3', 'private')],
  ],

  // ── firewalls ──
  [
    'Cisco ASA built connection',
    '%ASA-6-302013: Built inbound TCP connection 1234 for outside:198.51.100.10/51234 (198.51.100.10/51234) to inside:10.0.0.5/443 (10.0.0.5/443)',
    [
      v4('198.51.100.10/51234', 'documentation', { port: 51234 }),
      v4('198.51.100.10/51234', 'documentation', { port: 51234 }),
      v4('10.0.0.5/443', 'private', { port: 443 }),
      v4('10.0.0.5/443', 'private', { port: 443 }),
    ],
  ],
  [
    'Cisco ASA deny',
    '%ASA-4-106023: Deny tcp src outside:203.0.113.8/4455 dst inside:192.168.10.5/22 by access-group "OUTSIDE_IN"',
    [v4('203.0.113.8/4455', 'documentation', { port: 4455 }), v4('192.168.10.5/22', 'private', { prefixLength: 22 })],
  ],
  [
    'pf via tcpdump',
    'rule 0/(match) block in on em0: 198.51.100.23.51234 > 192.0.2.10.22: Flags [S]',
    [
      ip('ipv4', '198.51.100.23.51234', '198.51.100.23', 'documentation', { port: 51234 }),
      ip('ipv4', '192.0.2.10.22', '192.0.2.10', 'documentation', { port: 22 }),
    ],
  ],
  [
    'tcpdump IPv6',
    'IP6 2001:db8::1.443 > 2001:db8::2.80: Flags [P.]',
    [
      v6('2001:db8::1.443', '2001:db8::1', 'documentation', { port: 443 }),
      v6('2001:db8::2.80', '2001:db8::2', 'documentation', { port: 80 }),
    ],
  ],
  [
    'FortiGate',
    'date=2024-01-15 type="traffic" srcip=192.0.2.101 srcport=5555 dstip=198.51.100.200 dstport=443 action="deny"',
    [v4('192.0.2.101', 'documentation'), v4('198.51.100.200', 'documentation')],
  ],
  [
    'Palo Alto CSV',
    '1,2024/01/15 10:00:00,001801,TRAFFIC,end,2049,2024/01/15 10:00:00,10.0.0.8,203.0.113.80,0.0.0.0,0.0.0.0,allow-web',
    [v4('10.0.0.8', 'private'), v4('203.0.113.80', 'documentation'), v4('0.0.0.0', 'unspecified'), v4('0.0.0.0', 'unspecified')],
  ],
  ['nftables', 'nft drop: IN=wg0 SRC=100.100.1.1 DST=10.8.0.1', [v4('100.100.1.1', 'carrier-grade-nat'), v4('10.8.0.1', 'private')]],

  // ── mail ──
  [
    'postfix qmgr from',
    'postfix/qmgr[99]: 4F2A: from=<alice@example.com>, size=1234, nrcpt=1 (queue active)',
    [email('alice@example.com')],
  ],
  [
    'postfix smtpd connect',
    'postfix/smtpd[1234]: connect from mail.example.org[192.0.2.25]',
    [domain('mail.example.org'), v4('192.0.2.25', 'documentation')],
  ],
  [
    'postfix reject',
    'NOQUEUE: reject: RCPT from unknown[198.51.100.3]: 554 5.7.1 <spam@bad.example.net>: Relay access denied',
    [v4('198.51.100.3', 'documentation'), email('spam@bad.example.net')],
  ],
  ['mixed-case email at sentence end', 'Sent to Bob.Smith@Example.COM.', [email('Bob.Smith@Example.COM', 'Bob.Smith@example.com')]],
  ['plus-addressed email', 'to: <ops+alerts@mail.example.co.uk>', [email('ops+alerts@mail.example.co.uk')]],
  ['ssh user@ip is an IP', 'ssh root@192.0.2.7', [v4('192.0.2.7', 'documentation')]],
  ['email with IP literal is not an email', 'rcpt <user@[192.0.2.8]>', [v4('192.0.2.8', 'documentation')]],

  // ── domains and file names ──
  ['file names are not domains', 'tail -f /var/log/nginx/access.log config.yaml README.md app.js main.py', []],
  ['domain among files', 'access.log mentions evil.example.net', [domain('evil.example.net')]],
  ['FQDN trailing dot', 'CNAME cdn.example.com.', [domain('cdn.example.com')]],
  ['country-code domain', 'visit example.de', [domain('example.de')]],
  ['punycode domain', 'homograph xn--80ak6aa92e.com', [domain('xn--80ak6aa92e.com')]],
  ['DNS service label', 'TXT _dmarc.example.com', [domain('_dmarc.example.com')]],
  ['code member access is not a domain', 'this.value = os.path.join(a, b); console.info(x)', []],
  ['Java package is not a domain', 'import org.apache.commons.lang3.StringUtils;', []],
  ['library file name', 'loaded libc.so.6', []],
  ['plain prose', 'No addresses here, just words.', []],
];

function check(label: string, line: string, expected: Expected[]): void {
  const actual = findTargets(line);
  assert.deepEqual(
    actual.map((target) => `${target.kind}:${target.raw}`),
    expected.map((target) => `${target.kind}:${target.raw}`),
    `${label}: kinds and raw texts`,
  );
  let from = 0;
  expected.forEach((want, i) => {
    const got: Target = actual[i];
    const start = line.indexOf(want.raw, from);
    from = start + want.raw.length;
    assert.equal(got.start, start, `${label}: start of ${want.raw}`);
    assert.equal(got.end, start + want.raw.length, `${label}: end of ${want.raw}`);
    assert.equal(line.slice(got.start, got.end), got.raw, `${label}: raw matches offsets`);
    assert.equal(got.value, want.value, `${label}: value of ${want.raw}`);
    assert.equal(got.inputKind, want.kind === 'email' ? 'email' : want.kind === 'domain' ? 'domain' : 'ip', `${label}: input kind`);
    if (want.cls) {
      assert.ok(got.ip, `${label}: ip details`);
      assert.equal(got.ip.class, want.cls, `${label}: class of ${want.raw}`);
      assert.equal(
        got.ip.version,
        want.kind === 'ipv4' || (want.kind === 'cidr' && !want.value.includes(':')) ? 4 : 6,
        `${label}: version`,
      );
      assert.equal(got.ip.port, want.port, `${label}: port`);
      assert.equal(got.ip.prefixLength, want.prefixLength, `${label}: prefix length`);
      assert.equal(got.ip.zone, want.zone, `${label}: zone`);
      assert.equal(got.ip.network, want.network, `${label}: network`);
    } else {
      assert.equal(got.ip, undefined, `${label}: no ip details`);
    }
  });
}

describe('findTargets over real log formats', () => {
  it('has a large table', () => assert.ok(ROWS.length >= 100, `${ROWS.length} rows`));
  for (const [label, line, expected] of ROWS) {
    it(label, () => check(label, line, expected));
  }
});
