// Test-runner commands that check HTML documents with the Nu Html Checker (npm vnu-jar, the
// W3C's validator; it needs Java). All documents go to one run, as the checker's start-up takes
// most of its time; a run takes longer than the runner waits for a command, so
// `html-validity-start` returns a run's number at once and `html-validity-result` answers
// { done: false } until the run is over, then { done: true, messages } or { done: true, error }.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/**
 * @typedef {object} ValidityMessage
 * @property {string} document the name the test gave the document
 * @property {'error' | 'warning' | 'info'} type
 * @property {string} message
 * @property {number} [line]
 * @property {string} [extract]
 */

/**
 * Runs the checker over named documents.
 * @param {{ name: string, html: string }[]} documents
 * @returns {Promise<ValidityMessage[]>}
 */
export async function checkHtml(documents) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'html-validity-'));
  try {
    const files = documents.map((doc, i) => path.join(dir, `${i}-${doc.name.replace(/[^\w-]+/g, '-')}.html`));
    await Promise.all(documents.map((doc, i) => writeFile(files[i], doc.html)));
    let output;
    try {
      // The checker exits 1 when it finds errors, with its report on standard error all the same.
      output = (await promisify(execFile)('java', ['-jar', VNU, '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 })).stderr;
    } catch (error) {
      const failed = /** @type {{ code?: string | number, stderr?: string }} */ (error);
      if (failed.code === 'ENOENT') throw new Error('the Nu Html Checker needs Java: apt-get install -y default-jre-headless (as root; .ci/run does)');
      if (!failed.stderr?.trim().startsWith('{')) throw error;
      output = failed.stderr;
    }
    const { messages } = JSON.parse(output);
    return messages.map((/** @type {any} */ m) => ({
      document: documents[files.findIndex((file) => m.url?.endsWith(path.basename(file)))]?.name ?? m.url,
      type: m.type === 'info' ? (m.subType === 'warning' ? 'warning' : 'info') : 'error',
      message: m.message,
      ...(m.lastLine ? { line: m.lastLine } : {}),
      ...(m.extract ? { extract: m.extract } : {}),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function htmlValidityPlugin() {
  /** @type {Map<number, { done: boolean, messages?: ValidityMessage[], error?: string }>} */
  const runs = new Map();
  let next = 1;
  return {
    name: 'html-validity',
    async executeCommand({ command, payload }) {
      if (command === 'html-validity-start') {
        const id = next++;
        const run = { done: false };
        runs.set(id, run);
        checkHtml(/** @type {{ name: string, html: string }[]} */ (payload)).then(
          (messages) => Object.assign(run, { done: true, messages }),
          (error) => Object.assign(run, { done: true, error: error instanceof Error ? error.message : String(error) }),
        );
        return id;
      }
      if (command === 'html-validity-result') {
        const run = runs.get(/** @type {number} */ (payload));
        if (!run) throw new Error(`no HTML validity run ${payload}`);
        if (run.done) runs.delete(/** @type {number} */ (payload));
        return run;
      }
      return undefined;
    },
  };
}
