import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { selectedTargets } from './releases';
import { SYSTEM_RIPGREP } from './ripgrepCache';

/** Where Chromium is: `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** What running the UI and extension-host tests needs; each problem says what to install. */
export function runProblems(): string[] {
  const problems: string[] = [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    problems.push(`Node ${process.versions.node} is too old: install Node 20.19 or newer (e.g. from https://nodejs.org or NodeSource).`);
  } else {
    try {
      selectedTargets();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const chromium = chromiumPath();
  if (!isExecutable(chromium)) {
    problems.push(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH=${chromium} is not an executable file: fix it, or unset it and run: apt-get install chromium`
        : `Chromium is missing (${chromium}): apt-get install chromium  (or set CHROMIUM_PATH to a Chromium/Chrome binary)`,
    );
  }
  return problems;
}

/** What installing code-server from npm needs: npm, a C++ toolchain, Kerberos headers, ripgrep. */
export function installProblems(): string[] {
  const problems: string[] = [];
  if (!onPath('npm')) problems.push('npm is not on PATH: install Node.js with npm (apt-get install npm, or Node from nodejs.org).');
  const missingTools = ['make', 'g++', 'python3'].filter((tool) => !onPath(tool));
  if (missingTools.length)
    problems.push(`${missingTools.join(', ')} missing (needed to build native modules): apt-get install build-essential python3`);
  if (!onPath('tar')) problems.push('tar is missing: apt-get install tar');
  if (!onPath('krb5-config') && !existsSync('/usr/include/gssapi/gssapi.h')) {
    problems.push('Kerberos headers missing (code-server builds the "kerberos" module): apt-get install libkrb5-dev');
  }
  if (!isExecutable(SYSTEM_RIPGREP)) {
    problems.push(`ripgrep missing (${SYSTEM_RIPGREP}; used instead of downloading it during the install): apt-get install ripgrep`);
  }
  return problems;
}

export function requireRunPrerequisites(): void {
  failOn(runProblems(), 'run the tests in VS Code');
}

export function requireInstallPrerequisites(): void {
  failOn(installProblems(), 'install code-server');
}

function failOn(problems: string[], purpose: string): void {
  if (!problems.length) return;
  throw new Error(`Cannot ${purpose}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, command)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
