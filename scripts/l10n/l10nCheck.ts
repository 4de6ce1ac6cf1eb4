import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getL10nJson, type l10nJsonFormat } from '@vscode/l10n-dev';

/** The second language shipped with the extension. */
export const LANGUAGES = ['de'] as const;

/** Where the runtime strings (`vscode.l10n.t`) live; the results page's `t('…')` is checked too. */
const SOURCE_DIR = 'src';
/** The results page's own script. */
const WEBVIEW_DIRS = [join('src', 'webview')];
const WEBVIEW_STRINGS = /webviewStrings\.ts$/;

export interface L10nReport {
  /** `l10n.t` strings in src/ that `l10n/bundle.l10n.json` lacks (run `npm run l10n`). */
  notInBundle: string[];
  /** Keys of `l10n/bundle.l10n.json` no source uses any more. */
  staleInBundle: string[];
  /** Per language: bundle strings without a translation. */
  untranslated: Record<string, string[]>;
  /** `%key%` references in package.json missing from package.nls.json. */
  notInNls: string[];
  /** Manifest texts users see that are plain text instead of a `%key%` (where → text). */
  notKeyed: string[];
  /** Per language: package.nls.json keys without a translation. */
  nlsUntranslated: Record<string, string[]>;
  /** `t('…')` texts of the results page that webviewStrings.ts does not pass to it. */
  webviewNotPassed: string[];
  /** Per language: walkthrough markdown files without a `<name>.nls.<lang>.md`. */
  walkthroughUntranslated: Record<string, string[]>;
}

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function readJson(path: string): Record<string, unknown> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
}

/** The VS Code-free core: it translates through a `t` handed to it (`vscode.l10n.t` in the extension). */
const CORE_DIR = join('src', 'core');

/**
 * Every `l10n.t(…)` string of src/, keyed as VS Code looks them up (message, or message/comment),
 * and every `t('…')` text of the core, which the extension looks up with the same `vscode.l10n.t`.
 */
export async function extractRuntimeStrings(root: string): Promise<l10nJsonFormat> {
  const files = tsFiles(join(root, SOURCE_DIR)).map((path) => ({ extension: '.ts', contents: readFileSync(path, 'utf8') }));
  const strings = await getL10nJson(files);
  for (const text of translatedTexts(join(root, CORE_DIR))) strings[text] ??= text;
  return strings;
}

/** The single-quoted literals passed to a bare `t(` in the files below `dir`. */
function translatedTexts(dir: string): string[] {
  const texts = new Set<string>();
  for (const file of tsFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    // `t('…')` or `t("…")`, the literal possibly on the next line (Prettier wraps long calls).
    for (const match of source.matchAll(/(?<![\w.])t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")/g)) {
      texts.add((match[1] ?? match[2]).replace(/\\(.)/g, '$1'));
    }
  }
  return [...texts];
}

/** The English texts the results page looks up with `t('…')` (single-quoted literals). */
export function webviewTexts(root: string): string[] {
  return WEBVIEW_DIRS.flatMap((dir) => translatedTexts(join(root, dir)));
}

/** The keys webviewStrings.ts hands to the page (the English texts). */
function passedToWebview(root: string): Set<string> {
  const file = tsFiles(join(root, SOURCE_DIR)).find((path) => WEBVIEW_STRINGS.test(path));
  if (!file) return new Set();
  const source = readFileSync(file, 'utf8');
  const keys = [...source.matchAll(/^[ \t]*(?:'((?:[^'\\]|\\.)*)'|([A-Za-z_]\w*)|\[([A-Z_]+)\]):/gm)].map((m) => m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? `[${m[3]}]`);
  return new Set(keys);
}

function manifestKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%([^%]+)%$/.exec(value);
    if (match) found.add(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) manifestKeys(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) manifestKeys(item, found);
  }
  return found;
}

type Json = Record<string, any>;

/** Where users read manifest texts: each must be a %key% so it can be translated. */
function plainManifestTexts(manifest: Json): string[] {
  const found: string[] = [];
  const check = (where: string, value: unknown) => {
    if (typeof value === 'string' && value && !/^%[^%]+%$/.test(value)) found.push(`${where}: ${value}`);
  };
  const c: Json = manifest.contributes ?? {};
  for (const command of c.commands ?? []) check(`command ${command.command} title`, command.title);
  for (const views of Object.values<Json[]>(c.views ?? {})) for (const view of views) check(`view ${view.id} name`, view.name);
  for (const welcome of c.viewsWelcome ?? []) check(`viewsWelcome ${welcome.view}`, welcome.contents);
  for (const walkthrough of c.walkthroughs ?? []) {
    check(`walkthrough ${walkthrough.id} title`, walkthrough.title);
    check(`walkthrough ${walkthrough.id} description`, walkthrough.description);
    for (const step of walkthrough.steps ?? []) {
      check(`walkthrough step ${step.id} title`, step.title);
      check(`walkthrough step ${step.id} description`, step.description);
    }
  }
  const configurations: Json[] = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  for (const configuration of configurations) {
    for (const [name, property] of Object.entries<Json>(configuration.properties ?? {})) {
      check(`setting ${name}`, property.markdownDescription ?? property.description);
      (property.enumDescriptions ?? []).forEach((text: unknown, index: number) => check(`setting ${name} enumDescriptions[${index}]`, text));
    }
  }
  for (const tool of c.languageModelTools ?? []) {
    check(`languageModelTool ${tool.name} displayName`, tool.displayName);
    check(`languageModelTool ${tool.name} userDescription`, tool.userDescription);
  }
  return found;
}

function missing(wanted: Iterable<string>, present: object): string[] {
  return [...wanted].filter((key) => !Object.prototype.hasOwnProperty.call(present, key));
}

function walkthroughMarkdown(root: string): string[] {
  const dir = join(root, 'media', 'walkthrough');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md') && !/\.nls\.[\w-]+\.md$/.test(name)) : [];
}

/** What is missing anywhere in the extension's translations. */
export async function checkL10n(root: string): Promise<L10nReport> {
  const extracted = await extractRuntimeStrings(root);
  const bundle = readJson(join(root, 'l10n', 'bundle.l10n.json'));
  const nls = readJson(join(root, 'package.nls.json'));
  const manifest = readJson(join(root, 'package.json'));
  const passed = passedToWebview(root);
  const report: L10nReport = {
    notInBundle: missing(Object.keys(extracted), bundle),
    staleInBundle: missing(Object.keys(bundle), extracted),
    untranslated: {},
    notInNls: missing(manifestKeys(manifest), nls),
    notKeyed: plainManifestTexts(manifest),
    nlsUntranslated: {},
    webviewNotPassed: webviewTexts(root).filter((text) => !passed.has(text) && !(text.startsWith('The original values') && passed.has('[NOT_IN_MEMORY_NOTICE]'))),
    walkthroughUntranslated: {},
  };
  for (const lang of LANGUAGES) {
    report.untranslated[lang] = missing(new Set([...Object.keys(extracted), ...Object.keys(bundle)]), readJson(join(root, 'l10n', `bundle.l10n.${lang}.json`)));
    report.nlsUntranslated[lang] = missing(Object.keys(nls), readJson(join(root, `package.nls.${lang}.json`)));
    report.walkthroughUntranslated[lang] = walkthroughMarkdown(root)
      .filter((name) => !existsSync(join(root, 'media', 'walkthrough', name.replace(/\.md$/, `.nls.${lang}.md`))))
      .map((name) => relative(root, join(root, 'media', 'walkthrough', name)));
  }
  return report;
}

/** One line per problem, for the unit test's message and `npm run l10n`. */
export function describeProblems(report: L10nReport): string[] {
  const lines: string[] = [];
  const list = (what: string, items: string[]) => {
    if (items.length) lines.push(`${what} (${items.length}):`, ...items.map((item) => `  - ${JSON.stringify(item)}`));
  };
  list('l10n.t strings missing from l10n/bundle.l10n.json (run `npm run l10n`)', report.notInBundle);
  list('l10n/bundle.l10n.json keys no source uses (run `npm run l10n`)', report.staleInBundle);
  for (const [lang, items] of Object.entries(report.untranslated)) list(`strings missing from l10n/bundle.l10n.${lang}.json`, items);
  list('%keys% of package.json missing from package.nls.json', report.notInNls);
  list('manifest texts to turn into %keys% (package.nls.json + package.nls.de.json)', report.notKeyed);
  for (const [lang, items] of Object.entries(report.nlsUntranslated)) list(`keys missing from package.nls.${lang}.json`, items);
  list("t('…') texts of the results page missing from src/vscode/results/webviewStrings.ts", report.webviewNotPassed);
  for (const [lang, items] of Object.entries(report.walkthroughUntranslated)) list(`walkthrough pages without a .nls.${lang}.md translation`, items);
  return lines;
}
