/**
 * Endings that make `name.ext` a file, not a host: logs, configs and code are full of them.
 * A few are also country codes (.md, .py, .sh, .rs, .so); in a developer's editor the file wins.
 */
const FILE_EXTENSIONS = new Set(
  (
    'log txt json jsonl conf js mjs cjs ts tsx jsx py md yml yaml xml html htm css scss ini cfg sh bash ps1 bat cmd ' +
    'exe dll so dylib bin jar war class java kt rs go c h cc cpp hpp cs rb php lua sql csv tsv toml lock env ' +
    'pem crt key cer gz tgz zip tar bz2 xz rar pdf png jpg jpeg gif svg ico webp mp4 mov mp3 wav map bak tmp swp pid sock'
  ).split(' '),
);

/**
 * Generic TLDs common enough to expect in logs. When scanning free text a domain needs one of
 * these or a two-letter country code, so `this.value` or `os.path` are not taken for hosts.
 */
const COMMON_GENERIC_TLDS = new Set(
  (
    'com net org edu gov mil int arpa info biz name pro aero coop museum mobi asia tel travel jobs cat post xxx onion ' +
    'io app dev page cloud online site tech store shop blog xyz top club live news email link click space website win vip ' +
    'work ltd group company global world today life media agency digital network systems solutions services support center ' +
    'host hosting security software tools ninja guru expert zone one run icu bid loan party review stream trade date download ' +
    'science gdn sbs cfd bond cyou buzz fun rest bar lol moe art design studio photo pics social chat team wiki web'
  ).split(' '),
);

const LABEL = /^_?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export interface DomainRules {
  /** Any alphabetic TLD (a deliberate selection) rather than a known one (text scanned on its own). */
  anyTld: boolean;
}

/** The domain as it should be sent (lower case), or undefined when `name` is not a plausible one. */
export function normaliseDomain(name: string, rules: DomainRules): string | undefined {
  const domain = name.toLowerCase();
  if (domain.length > 253) return undefined;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || !TLD.test(tld) || !labels.every((label) => LABEL.test(label))) return undefined;
  if (FILE_EXTENSIONS.has(tld)) return undefined;
  if (!rules.anyTld && tld.length !== 2 && !tld.startsWith('xn--') && !COMMON_GENERIC_TLDS.has(tld)) return undefined;
  return domain;
}
