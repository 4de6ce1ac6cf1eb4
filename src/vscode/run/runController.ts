import * as vscode from 'vscode';
import type { ToolCatalog } from '../../core/catalog/catalog';
import type { ToolRun } from '../../core/errors';
import { requestBodyOf, runRecord } from '../../core/record/buildRecord';
import type { RunOrigin } from '../../core/record/resultRecord';
import type { ToolRunner } from '../../core/run/toolRunner';
import type { ResultSink } from '../results/resultSink';
import { currentSettings } from '../settings/config';
import { withCancellableProgress } from './cancellation';
import { notifyError } from './notifyError';

export interface RunOptions {
  tool: string;
  input: string | object;
  /** Skip the cache: the user explicitly asked to run again. */
  fresh?: boolean;
  /** Try Now: one real call despite a local cooldown or daily lock (see ToolRunner). */
  ignoreLocalLock?: boolean;
  /** Send Despite Never-Send List, after the user confirmed (see ToolRunner). */
  sendDespiteNeverSend?: boolean;
  /** Open the results panel / notifications (false for runs through the public API). */
  interactive: boolean;
  signal?: AbortSignal;
  /** Marks the history entry (e.g. 'agent' for language-model tools); absent means the user. */
  origin?: RunOrigin;
}

/** Runs a tool with progress and cancellation, then hands the result to the sink (or says what went wrong). */
export class RunController {
  /** Interactive runs in progress by tool and input: a double click joins the first run. */
  private readonly interactiveInFlight = new Map<string, Promise<ToolRun>>();

  constructor(
    private readonly runner: ToolRunner,
    private readonly catalog: () => ToolCatalog,
    private readonly results: ResultSink,
  ) {}

  run(options: RunOptions): Promise<ToolRun> {
    if (!options.interactive) return this.runOnce(options);
    const key = interactiveKey(options);
    const running = key === undefined ? undefined : this.interactiveInFlight.get(key);
    if (running) return running;
    const started = this.runOnce(options);
    if (key === undefined) return started;
    this.interactiveInFlight.set(key, started);
    return started.finally(() => this.interactiveInFlight.delete(key));
  }

  private async runOnce(options: RunOptions): Promise<ToolRun> {
    const label = this.catalog().find(options.tool)?.label ?? options.tool;
    const request = (signal: AbortSignal | undefined) =>
      this.runner.run({
        tool: options.tool,
        input: options.input,
        fresh: options.fresh,
        ignoreLocalLock: options.ignoreLocalLock,
        sendDespiteNeverSend: options.sendDespiteNeverSend,
        signal,
      });
    const outcome = options.interactive
      ? await withCancellableProgress(vscode.l10n.t('NiamonX {0}', label), (controller, progress) => {
          progress.report({ message: typeof options.input === 'string' ? options.input : undefined });
          return request(controller.signal);
        })
      : await request(options.signal);
    const { run } = outcome;
    const built = runRecord({
      id: this.results.newId(outcome.startedAt),
      run,
      toolLabel: label,
      input: outcome.input,
      startedAt: outcome.startedAt,
      requestBody: requestBodyOf(options.input),
      redactAnswer: currentSettings().redactSensitiveFields,
      origin: options.origin,
    });
    await this.results.deliver(built, { show: options.interactive, prettyLog: true });
    if (options.interactive && !run.ok) notifyError(run.error, label, { tool: run.tool, input: outcome.input });
    return run;
  }
}

/**
 * The same click twice (tree, hover link, panel button) is one run: one API call, one history
 * entry, one panel. "Run Again" (fresh) is keyed apart so it still asks the API.
 */
function interactiveKey(options: RunOptions): string | undefined {
  if (typeof options.input !== 'string') return undefined;
  return JSON.stringify([options.tool, options.input.trim(), !!options.fresh]);
}
