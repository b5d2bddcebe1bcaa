import { readFileSync } from 'node:fs';
import { fromRoot } from './paths';

/** What axe needs of a page: a driver that can evaluate a bundle and a function (UiPage, PageDriver). */
export interface AxeTarget {
  evaluateSource(source: string): Promise<unknown>;
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
}

/** One accessibility rule broken, in a form that survives the trip out of the page. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; summary: string }>;
}

let axeSource: string | undefined;

/** axe-core's browser bundle, read once from node_modules. */
function axeBundle(): string {
  axeSource ??= readFileSync(fromRoot('node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page as it is now (or on the elements `scope` selects) and returns the
 * violations of impact `serious` or `critical`. The bundle is evaluated through the driver (DevTools or WebDriver BiDi), which
 * extension pages' `script-src 'self'` policy does not apply to, unlike an inline
 * `<script>` tag that `addScriptTag` would insert.
 */
export async function seriousAxeViolations(page: AxeTarget, scope?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluateSource(`${axeBundle()}\n;typeof window.axe === 'object'`);
  if (loaded !== true) throw new Error('axe-core did not load into the page');
  const violations = await page.evaluate(async (selector: string | null) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const context = selector ? { include: [selector] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(' '),
        summary: node.failureSummary ?? '',
      })),
    }));
  }, scope ?? null);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** The parts of axe's API used above (the page has no typings for it). */
interface AxeApi {
  run(
    context: Document | { include: string[] },
    options: object,
  ): Promise<{
    violations: Array<{
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: Array<{ target: string[]; failureSummary?: string }>;
    }>;
  }>;
}

/** A readable report of violations, one rule and its failing elements per block. */
export function formatAxeViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no serious or critical accessibility violations`;
  const blocks = violations.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 8)
      .map((node) => `    - ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`)
      .join('\n');
    const more = violation.nodes.length > 8 ? `\n    ... and ${violation.nodes.length - 8} more` : '';
    return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
  });
  return `${where}: ${violations.length} serious or critical accessibility violation(s)\n${blocks.join('\n')}`;
}
