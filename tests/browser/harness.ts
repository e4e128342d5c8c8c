/**
 * Shared by the browser tests and `npm run bench:client`: builds the app with Vite, serves dist/ on a free
 * loopback port with Vite's preview API, and launches Debian's Chromium through playwright-core. Under Vitest the
 * browser project's global setup (tests/browser/global-setup.ts) builds the client once and starts one Chromium
 * server for the whole run; test files serve that build and connect to that browser (`openApp`, `sharedBrowser`).
 */
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/ensure-chromium';

export const CHROMIUM = findChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/**
 * The test run's Chromium: the page is composited in software instead of through SwiftShader's emulated GL (WebGL
 * still runs on SwiftShader). With the map rendering on demand this roughly halves Chromium's GPU process CPU over
 * a match; `npm run bench:client` keeps `CHROMIUM_ARGS`, so its frame rates stay those of a GPU-composited page.
 * WebGL draws without multisampling, which costs SwiftShader about a third of each map frame's CPU: the test map
 * differs from a multisampled one only along the edges of its lines and markers.
 */
export const CHROMIUM_TEST_ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-gpu-compositing',
  '--webgl-antialiasing-mode=none',
];

export interface Served {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Builds the client (quietly) into `outDir`. */
export async function buildClient(outDir = 'dist'): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** A fresh build directory under the system's temporary directory. */
export function tempOutDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `oil-and-water-${name}-`));
}

/** Serves a build on 127.0.0.1 at a free port. */
export async function serveDist(outDir = 'dist'): Promise<Served> {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}/`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.httpServer.close(() => resolve());
        (server.httpServer as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** Launches Chromium, failing with a clear message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run \`npx tsx scripts/ensure-chromium.ts\` (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Collects console errors and page errors, for the "no errors" checks. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Waits until the map scene has drawn. It polls on a timer: Playwright's default polls every animation frame, which
 * keeps the page producing frames (in software, while the map boots) for as long as the wait lasts.
 */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__oilAndWater?.mapReady === true, undefined, {
    timeout: 30_000,
    polling: 50,
  });
}

/** Page coordinates of a point of the projected map (the canvas is scaled to fit its box). */
export async function mapPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('#map canvas').boundingBox();
  if (!box) throw new Error('the map canvas is not on the page');
  const width = await page.evaluate(() => window.__oilAndWater?.map.width ?? 1024);
  const scale = box.width / width;
  return { x: box.x + x * scale, y: box.y + y * scale };
}

/** Counts the distinct colours of a PNG (a screenshot), decoding it in the page's own 2D canvas. */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}

/** Where browser tests leave screenshots and replay files for a person to look at. */
export const ARTIFACTS = 'test-artifacts';

/** A built, served app with one Chromium page open on it: what every browser test file starts from. */
export interface AppSuite {
  served: Served;
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The client build the global setup made for this run. */
    clientDist: string;
    /** The Chromium server the global setup started for this run. */
    chromiumEndpoint: string;
  }
}

/** The run's client build, from the browser project's global setup. */
export async function sharedClient(): Promise<string> {
  const { inject } = await import('vitest');
  return inject('clientDist');
}

/** A connection to the run's Chromium; `close()` on it closes this file's pages, not the browser. */
export async function sharedBrowser(): Promise<Browser> {
  const { inject } = await import('vitest');
  return chromium.connect(inject('chromiumEndpoint'));
}

/** Serves the run's client build, connects to the run's Chromium and opens one page (for a `beforeAll`). */
export async function openApp(page: {
  viewport: { width: number; height: number };
  acceptDownloads?: boolean;
}): Promise<AppSuite> {
  const served = await serveDist(await sharedClient());
  const browser = await sharedBrowser();
  const opened = await browser.newPage(page);
  return { served, browser, page: opened, errors: watchErrors(opened) };
}

/** Closes what `openApp` opened and removes any paths given (for an `afterAll`). */
export async function closeApp(suite: Partial<AppSuite>, ...paths: string[]): Promise<void> {
  await suite.browser?.close();
  await suite.served?.close();
  for (const path of paths) rmSync(path, { recursive: true, force: true });
}

/**
 * Opens the app for the calling test file before its tests and closes it after them; `take` receives what was
 * opened (the file keeps its own `page`, `served`, … variables).
 */
export function useApp(options: Parameters<typeof openApp>[0], take: (suite: AppSuite) => void): void {
  let suite: AppSuite | undefined;
  beforeAll(async () => {
    suite = await openApp(options);
    take(suite);
  }, 120_000);
  afterAll(() => closeApp(suite ?? {}));
}

/**
 * Clicks whatever the seat panel offers next: the briefing, the end of Diplomacy, or an order (the first or the
 * last one the menu offers) and Commit.
 */
export async function playStep(page: Page, order: 'first' | 'last' = 'first'): Promise<void> {
  const ready = page.locator('[data-test=ready-briefing], [data-test=end-diplomacy]');
  if (await ready.count()) {
    await ready.first().click();
    return;
  }
  const commit = page.locator('[data-test=commit]');
  if (await commit.count()) {
    const add = page.locator('[data-test=add-order]');
    if (await add.count()) await add[order]().click();
    await commitAnyway(page);
  }
}

/** Clicks Commit and, when action points are left and the panel asks first, confirms ("Commit anyway"). */
export async function commitAnyway(page: Page): Promise<void> {
  await page.click('[data-test=commit]');
  const yes = page.locator('[data-test=commit-yes]');
  if (await yes.count()) await yes.click();
}
