import * as vscode from 'vscode';
import { NOT_IN_MEMORY_NOTICE } from './resultPanel';

/**
 * Every text the results page shows, keyed by its English form (the page looks them up with
 * `t('…')`, see webview-ui/results.ts). Written out as literal l10n.t calls so `npm run l10n`
 * extracts them; a unit test checks that each t('…') of the page has its entry here.
 */
export function webviewStrings(): Record<string, string> {
  return {
    'NiamonX result': vscode.l10n.t('NiamonX result'),
    'Loading…': vscode.l10n.t('Loading…'),
    Input: vscode.l10n.t('Input'),
    failed: vscode.l10n.t('failed'),
    '(cached)': vscode.l10n.t('(cached)'),
    '1 value revealed': vscode.l10n.t('1 value revealed'),
    '{0} values revealed': vscode.l10n.t('{0} values revealed'),
    '1 value hidden': vscode.l10n.t('1 value hidden'),
    '{0} values hidden': vscode.l10n.t('{0} values hidden'),
    'Copy JSON': vscode.l10n.t('Copy JSON'),
    'Export…': vscode.l10n.t('Export…'),
    'Run Again': vscode.l10n.t('Run Again'),
    'Open in Editor': vscode.l10n.t('Open in Editor'),
    Hide: vscode.l10n.t('Hide'),
    Reveal: vscode.l10n.t('Reveal'),
    'The run failed.': vscode.l10n.t('The run failed.'),
    'Result data': vscode.l10n.t('Result data'),
    'No data.': vscode.l10n.t('No data.'),
    '{} (empty)': vscode.l10n.t('{} (empty)'),
    '[] (empty)': vscode.l10n.t('[] (empty)'),
    '1 field': vscode.l10n.t('1 field'),
    '{0} fields': vscode.l10n.t('{0} fields'),
    '1 item': vscode.l10n.t('1 item'),
    '{0} items': vscode.l10n.t('{0} items'),
    'Sort by {0}': vscode.l10n.t('Sort by {0}'),
    'Filter rows': vscode.l10n.t('Filter rows'),
    '{0} of {1} rows': vscode.l10n.t('{0} of {1} rows'),
    'Showing the first {0} of {1} fields. Open in Editor to see all.': vscode.l10n.t(
      'Showing the first {0} of {1} fields. Open in Editor to see all.',
    ),
    'Showing the first {0} of {1} items. Open in Editor to see all.': vscode.l10n.t(
      'Showing the first {0} of {1} items. Open in Editor to see all.',
    ),
    'Showing the first {0} of {1} rows. Sorting applies to the rows shown. Open in Editor to see all.': vscode.l10n.t(
      'Showing the first {0} of {1} rows. Sorting applies to the rows shown. Open in Editor to see all.',
    ),
    [NOT_IN_MEMORY_NOTICE]: vscode.l10n.t(
      'The original values are no longer in memory (they are never saved). Run the tool again to reveal them.',
    ),
  };
}
