import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CodeServer } from './launch';

const TAIL_LINES = 60;

/** What to look at when VS Code did not do what a test waited for. */
export function codeServerDiagnostics(codeServer: CodeServer): string {
  const logsRoot = join(codeServer.userDataDir, 'logs');
  const logFiles = existsSync(logsRoot) ? listFiles(logsRoot) : [];
  const sections = [
    `--- code-server output (last lines) ---\n${codeServer.recentOutput() || '(none)'}`,
    `--- log files under ${logsRoot} ---\n${logFiles.map((file) => relative(logsRoot, file)).join('\n') || '(none)'}`,
  ];
  for (const file of logFiles.filter((path) => /exthost\.log$|remoteagent\.log$/i.test(path))) {
    sections.push(`--- ${relative(logsRoot, file)} (last ${TAIL_LINES} lines) ---\n${tail(file)}`);
  }
  return sections.join('\n');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}
