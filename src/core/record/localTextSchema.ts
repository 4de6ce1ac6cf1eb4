import * as z from 'zod/mini';
import type { LocalText } from '../localText';

const MAX_TEMPLATE = 2_000;
const MAX_ARGS = 10;

/** A text of ours kept with a stored failure, so it can be shown again in the user's language. */
export const localTextSchema = (): z.ZodMiniType<LocalText> => {
  const template = z.string().check(z.maxLength(MAX_TEMPLATE));
  const flat = z.object({ template, args: z.array(z.union([z.string(), z.number()])).check(z.maxLength(MAX_ARGS)) });
  const args = z.array(z.union([z.string(), z.number(), flat])).check(z.maxLength(MAX_ARGS));
  // A fixed depth, no recursion: the longest chain written is a message, a wait and what the server said.
  const last = z.object({ template, args });
  const third = z.object({ template, args, then: z.optional(last) });
  const second = z.object({ template, args, then: z.optional(third) });
  return z.object({ template, args, then: z.optional(second) });
};
