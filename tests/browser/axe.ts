/**
 * axe-core inside a Playwright page: injects node_modules/axe-core/axe.min.js and runs it with the WCAG 2.0, 2.1
 * and 2.2 A/AA rules. `seriousViolations` keeps the serious and critical ones, each as one line naming the rule and
 * the first few offending nodes, so a failing test says what to fix and where. axe's source is evaluated in the
 * page or frame rather than added as a script tag, so it also runs inside the after-action report's frame, which is
 * sandboxed without scripts and whose CSP allows none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe on the page (or frame) as it is now; returns the serious and critical violations as readable lines. */
export async function seriousViolations(page: Page | Frame, context = 'document'): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate((axeSource ??= readFileSync(AXE_PATH, 'utf8')));
  const violations = await page.evaluate(
    async ({ tags, context }) => {
      const axe = (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown }> } }
      ).axe;
      const result = await axe.run(context === 'document' ? document : context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    { tags: WCAG_TAGS, context },
  );
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map(
            (n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`,
          )
          .join('; ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
    );
}
