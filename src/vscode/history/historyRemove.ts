import { recordFromArgument } from './recordFromArgument';
import type { Services } from '../services';

export async function historyRemove(services: Services, arg: unknown): Promise<void> {
  const record = recordFromArgument(services, arg);
  if (record) await services.history.remove(record.id);
}
