// The results webview: turns the model the extension posts into DOM.
// Every value from the data is inserted with textContent; no HTML is ever parsed from data,
// links have no href (a click asks the extension, which opens only https), and all handlers
// are attached with addEventListener (the page's CSP forbids inline ones).
import { sortedRowOrder, type SortDirection } from '../core/render/cellOrder';
import type { ContainerNode, ListNode, ObjectNode, RenderNode, TableNode } from '../core/render/renderModel';
import type { SummaryItem } from '../core/render/summary';
import type { SavedWebviewState, ShowMessage, WebviewMessage } from '../core/render/webviewMessages';
import type { ResultRecord } from '../core/record/resultRecord';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedWebviewState | undefined;
  setState(state: SavedWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const strings = pageStrings();
/** Holds only the masked record and view settings: revealed values are never saved. */
let state: SavedWebviewState = vscode.getState() ?? {};

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as Partial<ShowMessage> | undefined;
  if (message?.type === 'show') render(message as ShowMessage);
});
window.addEventListener('scroll', saveScrollSoon, { passive: true });
askForResult();

/**
 * Asks the extension for the result. A restored panel's first answer can be lost while VS Code
 * is still setting the webview up, so ask again until something is shown (ten times at most).
 */
function askForResult(attempt = 1): void {
  if (document.body.dataset.rendered === 'true' || attempt > 10) return;
  vscode.postMessage({ type: 'ready' });
  setTimeout(() => askForResult(attempt + 1), 500);
}

function render(message: ShowMessage): void {
  document.body.dataset.rendered = 'false';
  if (state.record?.id !== message.record.id) state = { sorts: {}, scrollY: 0 };
  state.record = message.record;
  vscode.setState(state);

  const root = byId('result');
  root.replaceChildren(header(message), toolbar(message));
  if (message.notice) root.append(element('p', 'notice', t(message.notice)));
  if (message.record.error) root.append(errorBlock(message.record));
  if (message.summary.length > 0) root.append(summaryList(message.summary));
  if (message.model.kind !== 'missing' || message.record.ok) root.append(body(message.model));

  window.scrollTo(0, state.scrollY ?? 0);
  document.body.dataset.rendered = 'true';
}

// ---- header, toolbar, summary ----

function header(message: ShowMessage): HTMLElement {
  const record = message.record;
  const head = element('header', 'result-header');
  head.id = 'result-header';
  const title = element('h1', 'title', record.toolLabel ?? record.tool);
  if (record.toolLabel && record.toolLabel !== record.tool) title.append(' ', element('code', 'tool-name', record.tool));
  const input = element('p', 'input');
  input.append(element('span', 'label', t('Input')), ' ', element('code', 'input-value', record.input));

  const facts = element('ul', 'facts');
  const fact = (text: string, className = '') => facts.append(element('li', `fact ${className}`, text));
  fact(new Date(record.startedAt).toLocaleString(pageLanguage()));
  if (record.durationMs !== undefined) fact(formatDuration(record.durationMs));
  if (record.status !== undefined) fact(`HTTP ${record.status}`, record.ok ? 'ok' : 'failed');
  else if (!record.ok) fact(t('failed'), 'failed');
  if (record.cached) fact(t('(cached)'), 'cached');
  const hidden = record.redactedCount ?? 0;
  if (hidden > 0) {
    const text = message.revealed
      ? hidden === 1
        ? t('1 value revealed')
        : t('{0} values revealed', hidden)
      : hidden === 1
        ? t('1 value hidden')
        : t('{0} values hidden', hidden);
    fact(text, message.revealed ? 'revealed' : 'hidden');
  }
  head.append(title, input, facts);
  return head;
}

/** Dates and numbers as VS Code's display language writes them (the page's lang), not the browser's. */
function pageLanguage(): string | undefined {
  return document.documentElement.lang || undefined;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function toolbar(message: ShowMessage): HTMLElement {
  const bar = element('div', 'toolbar');
  bar.setAttribute('role', 'toolbar');
  bar.append(
    button(t('Copy JSON'), 'copy', () => vscode.postMessage({ type: 'copyJson' })),
    button(t('Export…'), 'export', () => vscode.postMessage({ type: 'export' })),
    button(t('Run Again'), 'debug-rerun', () => vscode.postMessage({ type: 'runAgain' })),
    button(t('Open in Editor'), 'go-to-file', () => vscode.postMessage({ type: 'openInEditor' })),
  );
  if (message.canReveal) {
    const reveal = message.revealed
      ? button(t('Hide'), 'eye-closed', () => vscode.postMessage({ type: 'toggleReveal' }))
      : button(t('Reveal'), 'eye', () => vscode.postMessage({ type: 'toggleReveal' }));
    reveal.classList.add('reveal');
    bar.append(reveal);
  }
  return bar;
}

function button(label: string, icon: string, onClick: () => void): HTMLButtonElement {
  const result = element('button', 'action');
  result.type = 'button';
  result.append(codicon(icon), element('span', 'action-label', label));
  result.addEventListener('click', onClick);
  return result;
}

function codicon(name: string): HTMLElement {
  const icon = element('span', `codicon codicon-${name}`);
  icon.setAttribute('aria-hidden', 'true');
  return icon;
}

function errorBlock(record: ResultRecord): HTMLElement {
  const block = element('div', 'error');
  block.setAttribute('role', 'alert');
  block.append(codicon('error'), ' ', element('span', 'error-message', record.error?.message ?? t('The run failed.')));
  return block;
}

function summaryList(items: SummaryItem[]): HTMLElement {
  const list = element('dl', 'summary');
  for (const item of items) {
    const entry = element('div', `summary-item${item.tone ? ` tone-${item.tone}` : ''}`);
    entry.append(element('dt', '', item.label), element('dd', '', item.value));
    list.append(entry);
  }
  return list;
}

// ---- the data ----

function body(model: RenderNode): HTMLElement {
  const section = element('section', 'data');
  section.setAttribute('aria-label', t('Result data'));
  section.append(model.kind === 'missing' ? element('p', 'empty', t('No data.')) : node(model, '$', 0));
  return section;
}

/** The model's depth is capped by the extension, so recursion here stays shallow. */
function node(model: RenderNode, path: string, depth: number): HTMLElement {
  switch (model.kind) {
    case 'string':
      return element('span', model.long ? 'v v-string v-long' : 'v v-string', model.value);
    case 'link':
      return link(model.value);
    case 'number':
      return element('span', 'v v-number', String(model.value));
    case 'boolean':
      return element('span', 'v v-boolean', String(model.value));
    case 'null':
      return element('span', 'v v-null', 'null');
    case 'missing':
      return element('span', 'v v-missing', '');
    case 'other':
      return element('span', 'v v-other', model.text);
    case 'collapsed':
      return element('span', 'v v-collapsed', model.text);
    default:
      return container(model, path, depth);
  }
}

function link(url: string): HTMLElement {
  const anchor = element('a', 'v v-link', url);
  // No href: the webview must not navigate; the extension opens the (https-only) URL.
  anchor.setAttribute('role', 'link');
  anchor.tabIndex = 0;
  anchor.title = `Open ${url}`;
  const open = (event: Event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'openLink', url });
  };
  anchor.addEventListener('click', open);
  anchor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') open(event);
  });
  return anchor;
}

/** The root container is shown as is; nested ones fold, and closed ones are built when opened. */
function container(model: ContainerNode, path: string, depth: number): HTMLElement {
  const size = sizeOf(model);
  if (size === 0) return element('span', 'v v-empty', model.kind === 'object' ? t('{} (empty)') : t('[] (empty)'));
  const build = () => {
    if (model.kind === 'object') return objectTable(model, path, depth);
    if (model.kind === 'table') return gridTable(model, path, depth);
    return list(model, path, depth);
  };
  if (depth === 0) return build();

  const details = element('details', `nested nested-${model.kind}`);
  details.append(element('summary', '', describe(model)));
  if (model.open) {
    details.open = true;
    details.append(build());
  } else {
    details.addEventListener('toggle', () => {
      if (details.open && details.childElementCount === 1) details.append(build()); // first opening
    });
  }
  return details;
}

function sizeOf(model: ContainerNode): number {
  if (model.kind === 'object') return model.totalEntries;
  return model.kind === 'table' ? model.totalRows : model.totalItems;
}

function describe(model: ContainerNode): string {
  const size = sizeOf(model);
  if (model.kind === 'object') return `{ ${size === 1 ? t('1 field') : t('{0} fields', size)} }`;
  return `[ ${size === 1 ? t('1 item') : t('{0} items', size)} ]`;
}

function objectTable(model: ObjectNode, path: string, depth: number): HTMLElement {
  const wrap = element('div', 'object');
  const table = element('table', 'kv');
  const rows = element('tbody');
  for (const entry of model.entries) {
    const row = element('tr');
    const key = element('th', 'key', entry.key);
    key.scope = 'row';
    const value = element('td', 'value');
    value.append(node(entry.value, `${path}.${entry.key}`, depth + 1));
    row.append(key, value);
    rows.append(row);
  }
  table.append(rows);
  wrap.append(table);
  appendOmitted(wrap, model.entries.length, model.totalEntries, t('Showing the first {0} of {1} fields. Open in Editor to see all.'));
  return wrap;
}

function list(model: ListNode, path: string, depth: number): HTMLElement {
  const wrap = element('div', 'list-wrap');
  const items = element('ol', 'list');
  items.start = 0;
  model.items.forEach((item, index) => {
    const entry = element('li', 'list-item');
    entry.append(node(item, `${path}[${index}]`, depth + 1));
    items.append(entry);
  });
  wrap.append(items);
  appendOmitted(wrap, model.items.length, model.totalItems, t('Showing the first {0} of {1} items. Open in Editor to see all.'));
  return wrap;
}

/** An array of objects: one column per key; a click on a header sorts (and saves the choice). */
function gridTable(model: TableNode, path: string, depth: number): HTMLElement {
  const wrap = element('div', 'grid-wrap');
  const table = element('table', 'grid');
  const headRow = element('tr');
  const headers = model.columns.map((column, index) => {
    const th = element('th', 'column');
    th.scope = 'col';
    const sortButton = element('button', 'sort');
    sortButton.type = 'button';
    sortButton.title = t('Sort by {0}', column);
    sortButton.append(element('span', 'column-name', column), codicon('arrow-both'));
    sortButton.addEventListener('click', () => applySort(nextSort(index)));
    th.append(sortButton);
    headRow.append(th);
    return th;
  });
  const head = element('thead');
  head.append(headRow);

  const rows = model.rows.map((cells, rowIndex) => {
    const row = element('tr');
    cells.forEach((cell, column) => {
      const td = element('td');
      td.append(node(cell, `${path}[${rowIndex}].${model.columns[column]}`, depth + 1));
      row.append(td);
    });
    return row;
  });
  const tbody = element('tbody');

  const nextSort = (column: number) => {
    const current = state.sorts?.[path];
    const direction: SortDirection = current?.column === column && current.direction === 'ascending' ? 'descending' : 'ascending';
    return { column, direction };
  };
  const applySort = (sort: { column: number; direction: SortDirection } | undefined) => {
    const order = sort ? sortedRowOrder(model.rows, sort.column, sort.direction) : model.rows.map((_, index) => index);
    const fragment = document.createDocumentFragment();
    for (const index of order) fragment.append(rows[index]);
    tbody.replaceChildren(fragment);
    headers.forEach((th, index) => {
      th.setAttribute('aria-sort', sort?.column === index ? sort.direction : 'none');
      const icon = th.querySelector('.codicon');
      if (icon)
        icon.className = `codicon codicon-${sort?.column !== index ? 'arrow-both' : sort.direction === 'ascending' ? 'arrow-up' : 'arrow-down'}`;
    });
    if (sort) {
      state.sorts = { ...state.sorts, [path]: sort };
      vscode.setState(state);
    }
  };
  const saved = state.sorts?.[path];
  applySort(saved && saved.column < model.columns.length ? saved : undefined);

  table.append(head, tbody);
  if (rows.length >= FILTER_MIN_ROWS) wrap.append(rowFilter(rows));
  wrap.append(table);
  appendOmitted(
    wrap,
    model.rows.length,
    model.totalRows,
    t('Showing the first {0} of {1} rows. Sorting applies to the rows shown. Open in Editor to see all.'),
  );
  return wrap;
}

/** Tables this long get a filter box (a bulk run's summary has a row per target). */
const FILTER_MIN_ROWS = 5;

/** A text box that hides the rows whose text does not contain what is typed (case-insensitive). */
function rowFilter(rows: HTMLTableRowElement[]): HTMLElement {
  const bar = element('div', 'grid-filter');
  const input = element('input');
  input.type = 'search';
  input.placeholder = t('Filter rows');
  input.setAttribute('aria-label', t('Filter rows'));
  const count = element('span', 'grid-filter-count');
  const texts = rows.map((row) => (row.textContent ?? '').toLowerCase());
  const apply = () => {
    const query = input.value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((row, index) => {
      row.hidden = query !== '' && !texts[index].includes(query);
      if (!row.hidden) shown++;
    });
    count.textContent = query ? t('{0} of {1} rows', shown, rows.length) : '';
  };
  input.addEventListener('input', apply);
  bar.append(input, count);
  return bar;
}

/** `sentence` is a translated text with {0} (shown) and {1} (total). */
function appendOmitted(parent: HTMLElement, shown: number, total: number, sentence: string): void {
  if (total <= shown) return;
  const count = (value: number) => value.toLocaleString(pageLanguage());
  parent.append(element('p', 'note', format(sentence, count(shown), count(total))));
}

// ---- helpers ----

/**
 * The page's texts in VS Code's display language: the extension puts them (English → translated)
 * in a meta tag, since this page cannot call vscode.l10n. Anything malformed falls back to English.
 */
function pageStrings(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(document.querySelector('meta[name="niamonx-strings"]')?.getAttribute('content') ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/** The translation of an English text (see src/vscode/results/webviewStrings.ts), with {0}, {1}… filled in. */
function t(english: string, ...args: Array<string | number>): string {
  return format(Object.hasOwn(strings, english) ? strings[english] : english, ...args);
}

function format(text: string, ...args: Array<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found) return found;
  const created = element('main');
  created.id = id;
  document.body.append(created);
  return created;
}

let scrollSavePending = false;
function saveScrollSoon(): void {
  if (scrollSavePending) return;
  scrollSavePending = true;
  requestAnimationFrame(() => {
    scrollSavePending = false;
    state.scrollY = window.scrollY;
    vscode.setState(state);
  });
}
