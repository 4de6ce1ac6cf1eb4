import { copyRecordJson } from './recordJson';
import { recordFromArgument } from './recordFromArgument';
import type { Services } from '../services';

/** Copies the (redacted) data of a result, or its error, as pretty JSON. */
export async function historyCopyJson(services: Services, arg: unknown): Promise<void> {
  const record = recordFromArgument(services, arg);
  if (record) await copyRecordJson(record);
}
