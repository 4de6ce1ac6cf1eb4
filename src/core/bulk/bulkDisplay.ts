import type { IpClass } from '../indicators/target';
import { ipClassText } from '../indicators/ipClassText';
import { summaryLabel } from '../render/summaryTexts';
import type { Translate } from '../translate';
import type { StopReason } from './bulkScheduler';

/**
 * A bulk run's record data (see bulkRecordData) as the results page shows it, in the user's
 * language: column names, statuses and skip reasons we wrote. The record itself (history,
 * exports, Copy JSON, agents) keeps the English; the answers' values stay as sent.
 */
export function localizedBulkData(data: unknown, t: Translate): unknown {
  if (!isRecord(data)) return data;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'results' && Array.isArray(value)) shown[t('results')] = value.map((row) => localizedRow(row, t));
    else if (key === 'skipped' && Array.isArray(value)) shown[t('skipped')] = value.map((row) => localizedRow(row, t));
    else shown[key] = value;
  }
  return shown;
}

function localizedRow(row: unknown, t: Translate): unknown {
  if (!isRecord(row)) return row;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const text = typeof value === 'string' ? value : undefined;
    if (key === 'status' && text !== undefined) shown[columnName(key, t)] = statusText(text, t);
    else if (key === 'reason' && text !== undefined) shown[columnName(key, t)] = localizedSkipReason(text, t);
    else shown[columnName(key, t)] = text === 'yes' || text === 'no' ? summaryLabel(text, t) : value;
  }
  return shown;
}

function columnName(key: string, t: Translate): string {
  switch (key) {
    case 'found':
      return t('found');
    case 'status':
      return t('status');
    case 'error':
      return t('error');
    case 'sent':
      return t('sent');
    case 'value':
      return t('value');
    case 'reason':
      return t('reason');
    case 'occurrences':
      return t('occurrences');
    default:
      return summaryLabel(key, t); // the summary's labels (Alive, Location …); others as written
  }
}

function statusText(status: string, t: Translate): string {
  if (status === 'ok') return t('ok');
  if (status === 'cached') return t('cached');
  if (status === 'failed') return t('failed');
  const http = /^failed \(HTTP (\d{3})\)$/.exec(status);
  if (http) return t('failed (HTTP {0})', http[1]);
  const notRun = /^not run \((.{1,120})\)$/.exec(status);
  if (notRun) return t('not run ({0})', notRunText(notRun[1], t));
  return status;
}

function notRunText(why: string, t: Translate): string {
  if (why === 'daily limit') return t('daily limit');
  if (why === 'API key refused') return t('API key refused');
  if (why === 'tool disabled') return t('tool disabled');
  if (why === 'cancelled') return t('cancelled');
  const over = /^over niamonx\.bulk\.maxCalls \((\d+)\)$/.exec(why);
  return over ? t('over niamonx.bulk.maxCalls ({0})', over[1]) : why;
}

/** The skip reasons bulkPlan writes (short texts of ours, matched whole); anything else as written. */
export function localizedSkipReason(reason: string, t: Translate): string {
  if (reason === 'a network range, not one address') return t('a network range, not one address');
  if (reason === 'IPv4 with leading zeros is ambiguous (octal or decimal?)')
    return t('IPv4 with leading zeros is ambiguous (octal or decimal?)');
  const nonPublic = /^non-public address \(([\w-]{1,40})\)$/.exec(reason);
  if (nonPublic) return t('non-public address ({0})', ipClassText(nonPublic[1] as IpClass, t) ?? nonPublic[1]);
  const classed = /^on your never-send list \(([\w-]{1,40}) address\)$/.exec(reason);
  if (classed) return t('on your never-send list ({0} address)', ipClassText(classed[1] as IpClass, t) ?? classed[1]);
  const name = /^on your never-send list \((.{1,300}) is not a public name\)$/.exec(reason);
  if (name) return t('on your never-send list ({0} is not a public name)', name[1]);
  const entry = /^on your never-send list \((.{1,300})\)$/.exec(reason);
  if (entry) return t('on your never-send list ({0})', entry[1]);
  return reason;
}

/** Why a bulk run stopped, for its summary message. */
export function localizedStopReason(reason: StopReason, t: Translate): string {
  switch (reason) {
    case 'daily-limit':
      return t('daily limit');
    case 'auth':
      return t('API key refused');
    case 'disabled':
      return t('tool disabled');
    case 'cancelled':
      return t('cancelled');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
