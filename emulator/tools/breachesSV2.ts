import { z } from 'zod';
import { FAKE_SOURCES, fakeEmail, fakePassword, fakePhone, localPartOf, meansNotFound } from './fakeData';
import { SeededRandom } from './seededRandom';
import { defineTool } from './toolTypes';

const VALUE_MESSAGE = 'value must be a non-empty string';
const SEARCH_TYPES = ['auto', 'email', 'username', 'phone', 'domain', 'ip', 'name'] as const;

export const breachesSV2 = defineTool(
  z.object({
    value: z.string({ error: VALUE_MESSAGE }).trim().min(1, { error: VALUE_MESSAGE }),
    type: z.enum(SEARCH_TYPES, { error: `type must be one of ${SEARCH_TYPES.join(', ')}` }).optional(),
  }),
  ({ value, type }) => {
    if (meansNotFound(value)) return { stats: { found: 0, with_passwords: 0, unique_sources: 0 }, records: [] };
    const random = new SeededRandom(`breaches_s_v2:${type ?? 'auto'}:${value}`);
    const records = Array.from({ length: random.int(1, 6) }, () => {
      // Most records carry a password, as real leaks do; one in five has none.
      const password = random.int(1, 5) === 1 ? null : fakePassword(random);
      const phone = random.int(1, 3) === 1 ? fakePhone(random) : null;
      const record = {
        source: { name: random.pick(FAKE_SOURCES), breach_date: random.date() },
        email: fakeEmail(random, value),
        username: localPartOf(value),
        phone,
        password,
        fields: ['email', 'username'],
      };
      if (phone !== null) record.fields.push('phone');
      if (password !== null) record.fields.push('password');
      return record;
    });
    return {
      stats: {
        found: records.length,
        with_passwords: records.filter((record) => record.password !== null).length,
        unique_sources: new Set(records.map((record) => record.source.name)).size,
      },
      records,
    };
  },
);
