/** One fact shown above a result, e.g. "Packet loss: 0%". `tone` colours it. */
export interface SummaryItem {
  label: string;
  value: string;
  tone?: 'good' | 'warn' | 'bad';
}

type Summariser = (data: Record<string, unknown>) => SummaryItem[];

/** Keyed by a Map, not an object: a tool named "constructor" must find nothing. */
const SUMMARISERS = new Map<string, Summariser>([
  ['gl_ping', summarisePing],
  ['breaches_search', summariseBreachSearch],
]);

const MAX_STATS = 8;
const MAX_TEXT = 120;

/**
 * The known facts of an answer, for the top of the results view. Shapes are undocumented, so
 * every field is optional and read defensively; odd input gives fewer items, never an error.
 * Tools without their own summary (breaches_s_v2, ulp_search, new ones) get their `stats`.
 */
export function summarise(tool: string, data: unknown): SummaryItem[] {
  if (!isRecord(data)) return [];
  try {
    const specific = SUMMARISERS.get(tool)?.(data) ?? [];
    return specific.length > 0 ? specific : summariseStats(data);
  } catch {
    return []; // e.g. a getter that throws: the summary is a nicety, the data still renders
  }
}

function summarisePing(data: Record<string, unknown>): SummaryItem[] {
  const items: SummaryItem[] = [];
  const alive = field(data, 'alive');
  if (typeof alive === 'boolean') items.push({ label: 'Alive', value: alive ? 'yes' : 'no', tone: alive ? 'good' : 'bad' });
  else pushText(items, 'Alive', alive);

  const probes = field(data, 'probes');
  const rtt = rttOf(field(data, 'rtt'), probes);
  if (rtt) items.push({ label: 'RTT min / avg / max', value: rtt });

  const loss = field(data, 'packet_loss');
  if (typeof loss === 'number' && Number.isFinite(loss)) {
    items.push({ label: 'Packet loss', value: `${formatNumber(percent(loss))}%`, tone: loss === 0 ? 'good' : 'warn' });
  } else {
    pushText(items, 'Packet loss', loss);
  }

  if (Array.isArray(probes)) items.push({ label: 'Probes', value: String(probes.length) });

  const location = field(data, 'location');
  const place = isRecord(location)
    ? ['city', 'region', 'country']
        .map((key) => textOf(field(location, key)))
        .filter((part) => part)
        .join(', ')
    : textOf(location);
  if (place) items.push({ label: 'Location', value: place });
  return items;
}

/** "1.2 / 3.4 / 5.6 ms" from `rtt {min, avg, max}`, else from the probes' `rtt_ms`. */
function rttOf(rtt: unknown, probes: unknown): string | undefined {
  let values: (number | undefined)[] = [];
  if (isRecord(rtt)) {
    values = ['min', 'avg', 'max'].map((key) => finite(field(rtt, key)));
  } else if (Array.isArray(probes)) {
    const times = probes.map((probe) => finite(field(probe, 'rtt_ms'))).filter((time) => time !== undefined);
    if (times.length > 0) values = [Math.min(...times), times.reduce((sum, time) => sum + time, 0) / times.length, Math.max(...times)];
  }
  if (values.every((value) => value === undefined)) return undefined;
  return `${values.map((value) => (value === undefined ? '–' : formatNumber(value))).join(' / ')} ms`;
}

/** Integers are read as percent (0, 25, 100); fractions below 1 as a ratio (0.25 → 25%). */
function percent(loss: number): number {
  return loss > 0 && loss < 1 ? loss * 100 : loss;
}

function summariseBreachSearch(data: Record<string, unknown>): SummaryItem[] {
  const items: SummaryItem[] = [];
  const status = textOf(field(data, 'status'));
  if (status) {
    const tone = status === 'not_found' ? 'good' : status === 'found' ? 'warn' : undefined;
    items.push(tone ? { label: 'Status', value: status, tone } : { label: 'Status', value: status });
  }

  const blocksTotal = field(field(data, 'meta'), 'blocks_total');
  const blocks = field(data, 'blocks');
  if (blocksTotal !== undefined) pushText(items, 'Blocks', blocksTotal);
  else if (Array.isArray(blocks)) items.push({ label: 'Blocks', value: String(blocks.length) });

  const risk = field(data, 'risk');
  const level = textOf(field(risk, 'level'));
  const score = textOf(field(risk, 'score'));
  const riskText = level && score ? `${level} (${score})` : level || score;
  if (riskText) {
    const tone = /crit|high|severe/i.test(level)
      ? 'bad'
      : /med|moder/i.test(level)
        ? 'warn'
        : /low|none|safe/i.test(level)
          ? 'good'
          : undefined;
    items.push(tone ? { label: 'Risk', value: riskText, tone } : { label: 'Risk', value: riskText });
  }
  return items;
}

/**
 * Whether the summary above the data already shows every value of `data.stats` (a tool without
 * a summary of its own, and stats that are few plain values): the table then leaves them out.
 */
export function statsAllInSummary(tool: string, data: unknown): boolean {
  if (!isRecord(data) || SUMMARISERS.has(tool)) return false;
  const stats = field(data, 'stats');
  if (!isRecord(stats)) return false;
  const values = Object.values(stats);
  return values.length > 0 && values.length <= MAX_STATS && values.every((value) => textOf(value) !== '');
}

/** Every plain value of `data.stats` ("found", "with_passwords", ...), labelled from its key. */
function summariseStats(data: Record<string, unknown>): SummaryItem[] {
  const stats = field(data, 'stats');
  if (!isRecord(stats)) return [];
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(stats)) {
    if (items.length >= MAX_STATS) break;
    pushText(items, labelOf(key), value);
  }
  return items;
}

function pushText(items: SummaryItem[], label: string, value: unknown): void {
  const text = textOf(value);
  if (text) items.push({ label, value: text });
}

/** A scalar as short text; '' for anything else (objects, arrays, null, empty strings). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return '';
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "with_passwords" / "uniqueHosts" → "With passwords" / "Unique hosts". */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
