import type { ResultRecord } from '../../core/record/resultRecord';
import { recordIdOf } from '../commands/commandArguments';
import type { Services } from '../services';

/** History commands get the tree element (a record); scripts and tests may pass its id. */
export function recordFromArgument(services: Services, arg: unknown): ResultRecord | undefined {
  const id = recordIdOf(arg);
  return id === undefined ? undefined : services.history.get(id);
}
