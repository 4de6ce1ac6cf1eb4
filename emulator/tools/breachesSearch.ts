import { z } from 'zod';
import { FAKE_NAMES, FAKE_SOURCES, fakeEmail, meansNotFound } from './fakeData';
import { SeededRandom } from './seededRandom';
import { defineTool } from './toolTypes';

const QUERY_MESSAGE = 'query must be a non-empty string';

function riskLevel(score: number): string {
  if (score >= 80) return 'critical';
  if (score >= 60) return 'high';
  if (score >= 30) return 'medium';
  return 'low';
}

export const breachesSearch = defineTool(
  z.object({ query: z.string({ error: QUERY_MESSAGE }).trim().min(1, { error: QUERY_MESSAGE }) }),
  ({ query }, { remainingToday }) => {
    const rate = { remaining: remainingToday };
    if (meansNotFound(query)) {
      return {
        status: 'not_found',
        meta: { blocks_total: 0, emails: [], names: [], first_seen: null, last_seen: null },
        risk: { score: 0, level: 'none' },
        blocks: [],
        rate,
      };
    }
    const random = new SeededRandom(`breaches_search:${query}`);
    const blockCount = random.int(1, 5);
    const blocks = Array.from({ length: blockCount }, () => {
      const source = random.pick(FAKE_SOURCES);
      return {
        title: source,
        description: `Fake emulator record: ${query} appears in "${source}" with ${random.int(1, 4)} exposed fields.`,
      };
    });
    const dates = Array.from({ length: blockCount }, () => random.date()).sort();
    const emails = [...new Set(Array.from({ length: random.int(1, 3) }, () => fakeEmail(random, query)))];
    const names = [...new Set(Array.from({ length: random.int(0, 2) }, () => random.pick(FAKE_NAMES)))];
    const score = random.int(10, 99);
    return {
      status: 'found',
      meta: { blocks_total: blockCount, emails, names, first_seen: dates[0], last_seen: dates[dates.length - 1] },
      risk: { score, level: riskLevel(score) },
      blocks,
      rate,
    };
  },
);
