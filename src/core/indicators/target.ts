import type { InputKind } from './inputKind';

export type TargetKind = 'ipv4' | 'ipv6' | 'cidr' | 'email' | 'domain' | 'text';

/** Stable names for the special ranges ipaddr.js knows, so callers do not depend on its spelling. */
export type IpClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'carrier-grade-nat'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'unique-local'
  | 'site-local'
  | 'ipv4-mapped'
  | 'ipv4-translated'
  | '6to4'
  | 'teredo'
  | 'discard';

export interface IpClassification {
  version: 4 | 6;
  class: IpClass;
  /** Routable on the public internet (for IPv4-mapped: the embedded IPv4 is). */
  isPublic: boolean;
}

export interface IpDetails extends IpClassification {
  port?: number;
  zone?: string;
  /** Written after a slash: a CIDR prefix, or an address's own prefix (`192.168.1.10/24`). */
  prefixLength?: number;
  /** For a `cidr` target: the network address. */
  network?: string;
}

export interface Target {
  kind: TargetKind;
  /**
   * What to send: the normalised IP (no zone, brackets or port), the network address of a
   * CIDR, the email, the domain (lower case, no trailing dot), or the trimmed text.
   */
  value: string;
  /** The matched text as it appears (with brackets and port, if any). */
  raw: string;
  /** Offsets of `raw` within the text searched. */
  start: number;
  end: number;
  inputKind: InputKind;
  ip?: IpDetails;
  /** Written defanged (`1[.]1[.]1[.]1`, `evil[.]com`, a host after `hxxps://`): `raw` has the brackets, `value` not. */
  defanged?: boolean;
}
