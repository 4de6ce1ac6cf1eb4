import { z } from 'zod';
import { fakeEmail, fakeHost, fakePassword, localPartOf, meansNotFound } from './fakeData';
import { SeededRandom } from './seededRandom';
import { defineTool } from './toolTypes';

const VALUE_MESSAGE = 'value must be a non-empty string';
const SEARCH_TYPES = ['email', 'username', 'domain', 'auto'] as const;
const MAX_LIMIT = 10_000;

export const ulpSearch = defineTool(
  z.object({
    action: z.literal('search', { error: 'action must be "search"' }),
    value: z.string({ error: VALUE_MESSAGE }).trim().min(1, { error: VALUE_MESSAGE }),
    type: z.enum(SEARCH_TYPES, { error: `type must be one of ${SEARCH_TYPES.join(', ')}` }).optional(),
    exact: z.boolean({ error: 'exact must be a boolean' }).optional(),
    limit: z
      .int({ error: `limit must be an integer from 1 to ${MAX_LIMIT}` })
      .min(1, { error: `limit must be an integer from 1 to ${MAX_LIMIT}` })
      .max(MAX_LIMIT, { error: `limit must be an integer from 1 to ${MAX_LIMIT}` })
      .optional(),
  }),
  ({ value, type = 'auto', exact = false, limit = 100 }) => {
    if (meansNotFound(value)) return { stats: { total: 0, unique_hosts: 0, with_password: 0 }, records: [] };
    const random = new SeededRandom(`ulp_search:${type}:${exact}:${value}`);
    // An exact search finds fewer lines than a fuzzy one, as with the real service.
    const total = exact ? random.int(1, 40) : random.int(20, 250);
    const all = Array.from({ length: total }, () => {
      const host = fakeHost(random);
      const login = type === 'username' ? localPartOf(value) : fakeEmail(random, value);
      const pass = random.int(1, 10) === 1 ? '' : fakePassword(random);
      return { url: `https://${host}/${random.pick(['login', 'signin', 'account/login'])}`, host, login, pass };
    });
    return {
      stats: {
        total,
        unique_hosts: new Set(all.map((record) => record.host)).size,
        with_password: all.filter((record) => record.pass !== '').length,
      },
      records: all.slice(0, limit),
    };
  },
);
