import { format } from 'node:util';
import type { ConsoleMessage } from 'playwright-core';

export interface ConsoleLine {
  /** INFO, WARN, ERROR… for VS Code's log service; the console type otherwise. */
  level: string;
  text: string;
}

/**
 * VS Code's own chatter in the browser console. Everything else is kept: in a test run the
 * extension host's console output (mocha's reporter) arrives here through VS Code's log service.
 */
const NOISE: RegExp[] = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Failed to load resource/,
  /^The web worker extension host is started in a same-origin iframe/,
  /^An iframe which has both allow-scripts and allow-same-origin/,
  /^Overwriting extension <</,
  /^Started local extension host/,
  /^\[Extension Host\] Started local extension host/,
  /Long running operations during shutdown are unsupported in the web/,
  /^Found unexpected service worker controller/,
  /^Extension host \(.*\) is unresponsive/,
];

/**
 * The message as the extension host (or VS Code) meant it: VS Code's browser log service prints
 * `console.log('%c INFO', 'color: …', format, ...args)`, so the level is split off and the
 * remaining arguments are formatted like Node's console does.
 */
export async function readConsoleMessage(message: ConsoleMessage): Promise<ConsoleLine> {
  const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '[a value that cannot be serialised]')));
  if (typeof args[0] === 'string' && args[0].startsWith('%c ') && typeof args[1] === 'string') {
    return { level: args[0].slice(3).trim(), text: format(...args.slice(2)) };
  }
  return { level: message.type(), text: args.length ? format(...args) : message.text() };
}

export function isVsCodeNoise(line: ConsoleLine): boolean {
  return NOISE.some((pattern) => pattern.test(line.text.trimStart()));
}

/**
 * Handles console messages strictly in order although reading each one is asynchronous;
 * `drain()` resolves once every message seen so far has been handled.
 */
export class ConsoleForwarder {
  private queue: Promise<void> = Promise.resolve();
  private previous = '';

  constructor(private readonly onLine: (line: ConsoleLine) => void) {}

  push(message: ConsoleMessage): void {
    const reading = readConsoleMessage(message).catch((): ConsoleLine => ({ level: message.type(), text: message.text() }));
    this.queue = this.queue.then(async () => {
      const line = await reading;
      // VS Code reports a failed run twice (log service and console); once is enough.
      const repeated = line.text.trim() !== '' && line.text === this.previous;
      this.previous = line.text;
      if (!repeated && !isVsCodeNoise(line)) this.onLine(line);
    });
  }

  drain(): Promise<void> {
    return this.queue;
  }
}
