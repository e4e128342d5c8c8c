// Protects the browser replay viewer (issue 6): a finished match loads from the server's replay route (a refusal shows the server's message); a tampered file is refused with the verifier's message; a good one opens, scrubs to 1995 and shows that position's year, island, score and chart points; a seat's lens shows its agenda; the report opens; a fork from 1995 plays a round by clicking, saves a replay that `replay verify` accepts, and ends with a debrief.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { SEATS, perSeat } from '../../src/game/vocabulary';
import type { GameState } from '../../src/game/state';
import { builtinScenario } from '../../src/scenario/builtin';
import { MatchDriver, playMatch } from '../../src/match/match';
import { buildReplay, serializeReplay, verifyReplay, type Replay } from '../../src/match/replay';
import {
  ARTIFACTS,
  closeApp,
  openApp,
  playStep,
  tempOutDir,
  waitForMap,
  type Served,
  commitAnyway,
} from './harness';
import { makeBots } from '../../src/bots/registry';

let served: Served;
let browser: Browser;
let page: Page;
let errors: string[];
const files = tempOutDir('replay-viewer-files');

const scenario = builtinScenario('yeltsin-1992')!;
const SEED = 'viewer-browser';
const { driver } = playMatch({ scenario, seed: SEED, bots: makeBots(perSeat(() => 'random')) });
const parent: Replay = buildReplay({
  scenario,
  seed: SEED,
  seats: perSeat(() => 'bot:random'),
  driver,
  createdBy: 'test',
});

/** The master state when 1995's Policy phase opens, re-derived from the replay's actions with a plain driver. */
function policyStart(replay: Replay, year: number): GameState {
  const d = new MatchDriver({ scenario, seed: replay.seed });
  for (const [playerID, move, args] of replay.actions) {
    d.move(playerID, move, args);
    if (d.state.ctx.phase === 'policy' && d.G.year === year) return d.G;
  }
  throw new Error(`the replay never reaches the policy phase of ${year}`);
}
const expected = policyStart(parent, 1995);

beforeAll(async () => {
  ({ served, browser, page, errors } = await openApp({
    viewport: { width: 1500, height: 1100 },
    acceptDownloads: true,
  }));
}, 120_000);

afterAll(() => closeApp({ served, browser }, files));

const text = (selector: string) => page.locator(selector).first().innerText();

/** The value cell of a detail-panel row, by its heading. */
async function detailRow(heading: string): Promise<string> {
  return page
    .locator('[data-test=detail-rows] tr', { has: page.locator('th', { hasText: heading }) })
    .locator('td')
    .innerText();
}

function verifyWithCli(file: string): { status: number | null; output: string } {
  const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'replay', 'verify', file], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

async function reportFrame(): Promise<Frame> {
  await page.locator('[data-test=debrief-frame]').waitFor({ timeout: 60_000 });
  const frame = await (await page.locator('[data-test=debrief-frame]').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the report frame has no document');
  await frame.waitForSelector('#outcome');
  return frame;
}

describe('the replay viewer', () => {
  it('opens, scrubs, shows secrets, forks and plays a round of the fork', async () => {
    const good = join(files, 'parent.json');
    writeFileSync(good, serializeReplay(parent));
    const tampered = structuredClone(parent);
    tampered.roundHashes[3].hash = 'ffffffffffffffff';
    const bad = join(files, 'tampered.json');
    writeFileSync(bad, serializeReplay(tampered));
    const verdict = verifyReplay(tampered);
    if (verdict.ok) throw new Error('the tampered replay verified');

    // A finished classroom match, fetched from this origin (the lobby's route, stood in for here): first refused,
    // then served.
    const sent: (string | undefined)[] = [];
    await page.route('**/api/matches/*/replay', (route) => {
      sent.push(route.request().headers().authorization);
      const refused = route.request().url().includes('/RUNNING01/');
      return route.fulfill(
        refused
          ? {
              status: 403,
              contentType: 'application/json',
              body: JSON.stringify({ error: 'wrong facilitator token for this match' }),
            }
          : { status: 200, contentType: 'application/json', body: serializeReplay(parent) },
      );
    });
    await page.goto(served.url);
    await page.click('[data-test=open-replay]');
    await page.fill('[data-test=replay-match-id]', 'RUNNING01');
    await page.fill('[data-test=replay-token]', 'not-the-token');
    await page.click('[data-test=replay-load]');
    await expect
      .poll(() => text('[data-test=replay-error]'))
      .toBe('The server refused (403): wrong facilitator token for this match');
    expect(sent).toEqual(['Bearer not-the-token']);
    // Chromium logs every 4xx response as a console error: that one, and only that one, was expected.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('403');
    errors.length = 0;
    await page.fill('[data-test=replay-match-id]', 'FINISHED01');
    await page.fill('[data-test=replay-token]', '');
    await page.click('[data-test=replay-load]');
    await waitForMap(page);
    expect(sent).toEqual(['Bearer not-the-token', undefined]);
    await expect.poll(() => text('[data-test=replay-about]')).toContain(`${parent.actions.length} actions`);
    await page.click('[data-test=viewer-open]');

    // A file: a tampered one is refused with the verifier's own message.
    await page.locator('[data-test=replay-file]').setInputFiles(bad);
    await expect.poll(() => text('[data-test=replay-error]')).toContain(verdict.error);

    await page.locator('[data-test=replay-file]').setInputFiles(good);
    await waitForMap(page);
    await expect.poll(() => text('[data-test=replay-about]')).toContain(`${parent.actions.length} actions`);
    expect(await text('[data-test=year]')).toBe(String(scenario.startYear));
    expect(await page.locator('[data-test=chart-trust]').getAttribute('data-points')).toBe('1');

    // Scrub: jump to the start of 1995, then one step on with the keyboard, to the start of its Policy phase.
    await page.selectOption('[data-test=jump-year]', '1995');
    await expect.poll(() => text('[data-test=phase]')).toContain('Diplomacy');
    const redraws = await page.evaluate(
      () => (window.__oilAndWater?.view?.scene as unknown as { redraws: number }).redraws,
    );
    await page.locator('[data-test=scrubber]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => text('[data-test=phase]')).toContain('Policy');
    expect(await text('[data-test=year]')).toBe('1995');
    expect(
      await page.evaluate(
        () => (window.__oilAndWater?.view?.scene as unknown as { redraws: number }).redraws,
      ),
    ).toBeGreaterThan(redraws);
    expect(await page.evaluate(() => window.__oilAndWater?.session?.view().year)).toBe(1995);
    for (const chart of ['trust', 'energy', 'territory', 'scores']) {
      expect(await page.locator(`[data-test=chart-${chart}]`).getAttribute('data-points')).toBe(
        String(expected.history.length + 1),
      );
    }
    expect(expected.history.length).toBe(3);

    await page.click('#features summary');
    await page.click('[data-key=feature-i-kunashiri]');
    await expect.poll(() => text('[data-test=detail-title]')).toContain('Kunashiri');
    expect(await detailRow('Garrison')).toBe(String(expected.islands.kunashiri.garrison));
    await page.click('[data-key=feature-c-japan]');
    await expect.poll(() => text('[data-test=detail-title]')).toBe('Japan');
    expect(await detailRow('Score')).toBe(String(expected.scores.japan));

    // Secrets: Japan's lens shows its agenda only; "everything" shows Russia's too.
    const japanAgenda = expected.agendas.japan!.title;
    const russiaAgenda = expected.agendas.russia!.title;
    expect(await text('[data-test=secret-agenda-russia]')).toContain(russiaAgenda);
    await page.selectOption('[data-test=lens]', 'japan');
    await expect.poll(() => text('[data-test=lens-label]')).toContain('Japan');
    expect(await text('[data-test=secret-agenda-japan]')).toContain(japanAgenda);
    expect(await page.locator('[data-test=secret-agenda-russia]').getAttribute('data-open')).toBe('no');
    expect(await text('[data-test=secret-agenda-russia]')).not.toContain(russiaAgenda);
    await page.selectOption('[data-test=lens]', '');
    await expect.poll(() => text('[data-test=secret-agenda-russia]')).toContain(russiaAgenda);
    // The last revealed orders with the bots' reasons: a seat that gave orders shows each with its why.
    const revealed = expected.revealed[expected.revealed.length - 1];
    const ordered = SEATS.find((s) => revealed.orders[s].length > 0);
    expect(ordered).toBeDefined();
    expect(await text(`[data-test=secret-orders-${ordered}]`)).toContain('because');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'replay-viewer-1995.png'), fullPage: true });

    // The after-action report of the loaded replay.
    await page.click('[data-test=viewer-debrief]');
    const report = await reportFrame();
    expect(await report.locator('#seats').innerText()).toContain('Japan');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#debrief-screen').isVisible()).toBe(false);

    // Fork from 1995 as Japan and play one round by clicking.
    await page.selectOption('[data-test=fork-seat]', 'japan');
    await page.selectOption('[data-test=fork-bots]', 'random');
    await page.click('[data-test=fork-start]');
    await waitForMap(page);
    await expect.poll(() => text('[data-test=phase]')).toContain('Diplomacy');
    expect(await text('[data-test=year]')).toBe('1995');
    expect(await page.locator('[data-test=chart-trust]').getAttribute('data-points')).toBe(
      String(expected.history.length + 1),
    );
    await page.click('[data-test=end-diplomacy]');
    await expect.poll(() => text('[data-test=phase]')).toContain('Policy');
    await page.locator('[data-test=add-order]').first().click();
    await commitAnyway(page);
    await expect.poll(() => text('[data-test=year]')).toBe('1996');

    // Save the fork's replay mid-match: it verifies and names its parent.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-test=download-replay]'),
    ]);
    expect(download.suggestedFilename()).toBe(`oil-and-water-yeltsin-1992-seed-${SEED}-fork-1995.json`);
    const forkFile = join(ARTIFACTS, 'replay-viewer-fork.json');
    await download.saveAs(forkFile);
    const fork = JSON.parse(readFileSync(forkFile, 'utf8')) as Replay;
    expect(fork.parent).toMatchObject({ year: 1995, finalHash: parent.finalHash, seed: SEED });
    expect(fork.seats.japan).toBe('human');
    expect(fork.finished).toBe(false);
    expect(fork.actions.length).toBeGreaterThan(fork.parent!.prefixLength!);
    const verified = verifyWithCli(forkFile);
    expect(verified.status, verified.output).toBe(0);

    // Play the fork to its end: the end screen offers the debrief.
    for (let step = 0; step < 60 && !(await page.locator('#end-screen').isVisible()); step++)
      await playStep(page);
    await expect.poll(() => page.locator('#end-screen').isVisible()).toBe(true);
    await page.click('[data-test=debrief]');
    const endReport = await reportFrame();
    expect(await endReport.locator('header').innerText()).toContain('1995');
    expect(await endReport.locator('#seats').innerText()).toContain('Against the historical baseline');
    await page.screenshot({ path: join(ARTIFACTS, 'replay-viewer-debrief.png') });
    expect(errors).toEqual([]);
  }, 300_000);
});
