/**
 * The browser suites drive Debian's Chromium (never a downloaded browser, STACK.md). `npm test` runs this first and
 * the browser project's global setup calls `ensureChromium()` again: when Chromium is missing it is installed with
 * apt-get if this is Debian and we are root, otherwise the run stops with one line saying what to run. The browser
 * suites are never skipped, with or without CI.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, debianWithApt, executable } from './apt';

const PACKAGES = ['chromium', 'fonts-dejavu-core'];
const INSTALL = `apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

/** Where Chromium is: `CHROMIUM_PATH` if set, else /usr/bin/chromium, else `chromium` on PATH; null if none. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return executable(configured) ? configured : null;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, 'chromium'))) return path.join(dir, 'chromium');
  }
  return null;
}

/** Returns Chromium's path, installing Debian's package first when it is missing and that is possible here. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable: fix it or unset it`);
  }
  const debian = debianWithApt();
  const root = process.getuid?.() === 0;
  if (!debian || !root) {
    throw new Error(
      `Chromium is missing: run \`${root ? '' : 'sudo '}${INSTALL}\` (or set CHROMIUM_PATH to a Chromium binary)`,
    );
  }
  console.log(`Chromium is missing: installing Debian's ${PACKAGES.join(' ')} (about a minute)`);
  aptInstall(PACKAGES);
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed ${PACKAGES.join(' ')} but no chromium is on PATH`);
  return installed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
