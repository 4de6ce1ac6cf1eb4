import * as vscode from 'vscode';
import { scanInSlices } from '../../core/bulk/extract';
import type { Target } from '../../core/indicators/target';
import type { Finding } from '../../core/verdicts/findingRules';
import type { HeldAnswers } from '../../core/verdicts/heldAnswers';

/** Quiet time after a change (held answers, an edit) before open documents are scanned again. */
export const FINDINGS_UPDATE_DELAY_MS = 400;
/**
 * Larger documents are not scanned for findings: a whole-document scan of a 20 MB log at every
 * new finding costs too much of the shared host (their visible lines still get inline verdicts).
 */
export const MAX_FINDINGS_DOCUMENT_CHARS = 4 * 1024 * 1024;
/** Diagnostics per document at most: the Problems panel is for reading, not for a million rows. */
export const MAX_FINDINGS_PER_DOCUMENT = 1000;

export const FINDING_SOURCE = 'NiamonX';
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What a finding diagnostic is about, for its quick fixes. */
export interface FindingSite {
  tool: string;
  value: string;
  raw: string;
  kind: Target['kind'];
}

/**
 * The findings of held answers as diagnostics (one collection) on each occurrence of their
 * indicator in the open documents. Documents are scanned in slices (the host is not held) by
 * the scanner runs use; only held answers are read, never a call.
 */
export class FindingDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('niamonx');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly sites = new Map<string, Map<string, FindingSite>>();
  private readonly scans = new Map<string, AbortController>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private findingsCheck: ReturnType<typeof setTimeout> | undefined;
  private findingsVersion = 0;
  private readonly pending = new Set<vscode.TextDocument>();

  constructor(
    private readonly held: HeldAnswers,
    private readonly toolLabel: (tool: string) => string,
  ) {
    this.subscriptions.push(
      this.collection,
      held.onDidChange(() => this.checkFindingsSoon()),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    );
  }

  /** The finding at `range` of `uri` (the quick fixes' subject). */
  siteAt(uri: vscode.Uri, range: vscode.Range): FindingSite | undefined {
    return this.sites.get(uri.toString())?.get(siteKey(range));
  }

  scheduleAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  /**
   * Only a change in which values have findings can change the diagnostics. Asked once things
   * are quiet: working it out reads the whole history, and a run of many calls changes it on
   * every call.
   */
  private checkFindingsSoon(): void {
    if (this.findingsCheck) return;
    this.findingsCheck = setTimeout(() => {
      this.findingsCheck = undefined;
      const version = this.held.findingsVersion;
      if (version === this.findingsVersion) return;
      this.findingsVersion = version;
      this.scheduleAll();
    }, FINDINGS_UPDATE_DELAY_MS);
  }

  /** Whole documents are scanned after things are quiet: a burst of edits costs one scan. */
  private schedule(document: vscode.TextDocument): void {
    if (!SCHEMES.has(document.uri.scheme)) return;
    this.pending.add(document);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const documents = [...this.pending];
      this.pending.clear();
      for (const pending of documents) if (!pending.isClosed) void this.update(pending);
    }, FINDINGS_UPDATE_DELAY_MS);
  }

  /** Scans one document and replaces its findings; a newer scan of it cancels this one. */
  async update(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.scans.get(key)?.abort();
    const controller = new AbortController();
    this.scans.set(key, controller);
    const diagnostics: vscode.Diagnostic[] = [];
    const sites = new Map<string, FindingSite>();
    try {
      // No held answer has a finding: nothing to scan for (a large log costs nothing then).
      if (this.held.anyFindings && lengthOf(document) <= MAX_FINDINGS_DOCUMENT_CHARS) {
        await this.scan(document, document.getText(), controller.signal, diagnostics, sites);
      }
    } catch {
      return; // cancelled by a newer scan (or the document closed): that one decides
    } finally {
      if (this.scans.get(key) === controller) this.scans.delete(key);
    }
    if (controller.signal.aborted || document.isClosed) return;
    this.sites.set(key, sites);
    this.collection.set(document.uri, diagnostics);
  }

  private async scan(
    document: vscode.TextDocument,
    text: string,
    signal: AbortSignal,
    diagnostics: vscode.Diagnostic[],
    sites: Map<string, FindingSite>,
  ): Promise<void> {
    // One lookup per distinct value, not per occurrence (a log repeats its addresses).
    const memo = new Map<string, { tool: string; findings: Finding[] }[]>();
    await scanInSlices(text, ['ip', 'domain', 'email'], { signal }, (targets) => {
      for (const target of targets) {
        if (diagnostics.length >= MAX_FINDINGS_PER_DOCUMENT) return;
        if (target.problem || !this.held.hasFindings(target.value)) continue;
        let found = memo.get(target.value);
        if (!found) {
          found = this.held.lookup(target.value).filter((answer) => answer.findings.length > 0);
          memo.set(target.value, found);
        }
        for (const answer of found) {
          const range = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
          for (const finding of answer.findings) {
            const diagnostic = new vscode.Diagnostic(
              range,
              `${finding.message} (${this.toolLabel(answer.tool)})`,
              SEVERITY[finding.severity],
            );
            diagnostic.source = FINDING_SOURCE;
            diagnostic.code = answer.tool;
            diagnostics.push(diagnostic);
          }
          sites.set(siteKey(range), { tool: answer.tool, value: target.value, raw: target.raw, kind: target.kind });
        }
      }
    });
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.scans.get(key)?.abort();
    this.sites.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.findingsCheck) clearTimeout(this.findingsCheck);
    for (const scan of this.scans.values()) scan.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The document's length without building its text (a 20 MB log's text is not wanted here). */
function lengthOf(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

function siteKey(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}`;
}
