/**
 * Finds English left in a text that should be German: the words below would betray an
 * untranslated string. Only words that are not also German are listed ("in", "was", "will",
 * "die", "man", "also", "Limit", "Tools", "Domains", "Ping", "Cache" stay out), so a German text
 * never trips it; the unit test proves both sides on the shipped bundles.
 */

/** Names and terms German keeps as they are (matched as whole phrases, before the words are looked at). */
export const ALLOWED_PHRASES: readonly string[] = [
  'NiamonX',
  'VS Code',
  'Visual Studio Code',
  'MCP',
  'ULP',
  'JSON',
  'CSV',
  'API',
  'IPv4',
  'IPv6',
  'HTTP',
  'HTTPS',
  'UTC',
  'URL',
  'DNS',
  'CIDR',
  'Markdown',
  // A command to type as written.
  'npm run',
];

/** Common English words a German text has no use for (lower case). */
const ENGLISH_WORDS = new Set(
  `
  the a and or of to is are were be been being not no yes with without for from on at by this that these those it its
  your you we our they their he she which who whom whose when where what why how than then there here has have had do
  does did can could would should shall may might must just only too very more most less each every any all some none
  other another same such both either neither about after before again into onto over under up down out off while
  until because if else call calls called calling run runs running open opens opened show shows shown hide set sets
  clear cleared copy copied save saved delete deleted remove removed add added refresh reload try retry cancel
  cancelled canceled result results answer answers error errors failed failure found missing unknown invalid valid
  disabled enabled today yesterday left seconds minutes hours day days ago now never always key keys secret storage
  stored environment checked built takes take taken input inputs output value values selection selected file files
  document address addresses email emails network ranges range public unique occurrences made locally sent
  send nothing limits daily cooling waiting cached skipped targets target history view views settings setting search
  breach breaches records record loss packet probes location alive reachable risk warning warnings finding
  findings problems message messages confirm confirmation continue allow deny please select type pick choose enter
  paste summary count rows row column columns filtered page pages
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** A token that is not a word: identifiers (gl_ping, niamonx.ai.confirmCalls), addresses, host names, numbers. */
const NOT_A_WORD = /[\w\]](?:[._@\\]|:\/*)\w|\d/u;

/**
 * The English words of `text` (as written, in order, each once), leaving out `allowed` phrases
 * (besides ALLOWED_PHRASES): names, tool ids, the answer's own words.
 */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  // Allowed phrases as whole words (API, but not the API of NIAMONX_API_KEY), longest first.
  // Spaces as the UI draws them (a hover may use no-break spaces) are spaces.
  let rest = text.replace(/\s+/g, ' ');
  for (const phrase of [...ALLOWED_PHRASES, ...allowed].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<!\\w)${escapeRegExp(phrase.replace(/\s+/g, ' '))}(?!\\w)`, 'g'), ' ');
  }
  // Code as written (`${input}`, a JSON example) and placeholders ({0}, {value}) are not prose.
  rest = rest
    .replace(/`[^`]*`/g, ' ')
    .replace(/\$?\{\w+\}/g, ' ')
    .split(' ')
    .filter((token) => !NOT_A_WORD.test(token))
    .join(' ');
  const found: string[] = [];
  for (const word of rest.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? []) {
    if (ENGLISH_WORDS.has(word.toLowerCase()) && !found.includes(word)) found.push(word);
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Throws, naming `where` and the English words, when `text` has any. */
export function assertNoEnglish(where: string, text: string, allowed: readonly string[] = []): void {
  const words = englishWords(text, allowed);
  if (words.length) throw new Error(`English in ${where}: ${words.map((w) => `"${w}"`).join(', ')}\n--- text ---\n${text}`);
}
