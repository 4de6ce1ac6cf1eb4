import type { ResultRecord } from '../../core/record/resultRecord';
import type { Services } from '../services';

/** History commands get the tree element (a record); scripts and tests may pass its id. */
export function recordFromArgument(services: Services, arg: unknown): ResultRecord | undefined {
  const id = typeof arg === 'string' ? arg : (arg as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? services.history.get(id) : undefined;
}
