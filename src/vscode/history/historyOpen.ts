import type { Services } from '../services';
import { recordFromArgument } from './recordFromArgument';

/** Reopens a past result in the results panel without spending an API call. */
export function historyOpen(services: Services, arg: unknown): void {
  const record = recordFromArgument(services, arg);
  if (record) services.panels.show(record);
}
