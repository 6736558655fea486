// Runs axe-core inside an edition frame with the tags the project holds itself to.
import type { AxeResults, Result } from 'axe-core';
import type { Edition } from './edition.js';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type AxeWindow = Window & { axe?: { run: (context: Node, options: object) => Promise<AxeResults> } };

async function loadAxe(edition: Edition) {
  const win = edition.win as unknown as AxeWindow;
  if (win.axe) return win.axe;
  const script = edition.doc.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = () => reject(new Error('axe-core could not be loaded into the page'));
  });
  edition.doc.head.append(script);
  await loaded;
  return win.axe!;
}

function describe(violation: Result) {
  const nodes = violation.nodes.map(
    (node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`,
  );
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
}

/** Resolves to a readable list of violations; empty when axe found none. */
export async function axeViolations(edition: Edition): Promise<string> {
  const axe = await loadAxe(edition);
  const results = await axe.run(edition.doc, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
  });
  return results.violations.map(describe).join('\n');
}
