/**
 * Shared by ensure-chromium.ts and ensure-services.ts, which install what the test suites need with Debian's apt-get
 * when they may: whether a file is executable, whether this is Debian with apt-get, and the install itself.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether this is Debian with apt-get (installing also needs root). */
export function debianWithApt(): boolean {
  return existsSync('/etc/debian_version') && executable('/usr/bin/apt-get');
}

/** `apt-get update`, then installs the packages without recommends, non-interactively, its output shown. */
export function aptInstall(packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}
