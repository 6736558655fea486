// Test-runner commands that check HTML documents with the Nu Html Checker (npm vnu-jar, the
// W3C's validator; it needs Java). All documents go to one run, as the checker's start-up takes
// most of its time; a run takes longer than the runner waits for a command, so
// `html-validity-start` returns a run's number at once and `html-validity-result` waits for the
// run's end, answering { done: true, messages } or { done: true, error } as it ends, or
// { done: false } after a few seconds if it has not (the test then asks again at once).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestRunnerPlugin } from '@web/test-runner';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

export interface ValidityMessage {
  /** The name the test gave the document. */
  document: string;
  type: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  extract?: string;
}

/** A document to check, named by the test. */
export interface NamedDocument {
  name: string;
  html: string;
}

/** A message as the checker's JSON output gives it (the fields used here). */
interface CheckerMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** A run's state, as `html-validity-result` answers it. */
export interface ValidityRun {
  done: boolean;
  messages?: ValidityMessage[];
  error?: string;
}

/** Runs the checker over named documents. */
export async function checkHtml(documents: NamedDocument[]): Promise<ValidityMessage[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'html-validity-'));
  try {
    const files = documents.map((doc, i) => path.join(dir, `${i}-${doc.name.replace(/[^\w-]+/g, '-')}.html`));
    await Promise.all(documents.map((doc, i) => writeFile(files[i], doc.html)));
    let output: string;
    try {
      // The checker exits 1 when it finds errors, with its report on standard error all the same.
      output = (
        await promisify(execFile)('java', ['-jar', VNU, '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 })
      ).stderr;
    } catch (error) {
      // execFile's error carries the exit's code (or ENOENT) and what the command wrote.
      const failed = error as { code?: string | number; stderr?: string };
      if (failed.code === 'ENOENT')
        throw new Error(
          'the Nu Html Checker needs Java: apt-get install -y default-jre-headless (as root; .ci/run does)',
        );
      if (!failed.stderr?.trim().startsWith('{')) throw error;
      output = failed.stderr;
    }
    const { messages } = JSON.parse(output) as { messages: CheckerMessage[] };
    return messages.map((m): ValidityMessage => ({
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

/**
 * The tests call `html-validity-start` as executeServerCommand<number, NamedDocument[]>, and
 * `html-validity-result` as executeServerCommand<ValidityRun, number>.
 */
/** How long one `html-validity-result` waits for a run's end: well within the runner's command time-out. */
const RESULT_WAIT_MS = 5_000;

export function htmlValidityPlugin(): TestRunnerPlugin {
  const runs = new Map<number, { state: ValidityRun; ended: Promise<void> }>();
  let next = 1;
  return {
    name: 'html-validity',
    async executeCommand({ command, payload }): Promise<number | ValidityRun | undefined> {
      if (command === 'html-validity-start') {
        const id = next++;
        const state: ValidityRun = { done: false };
        const ended = checkHtml(payload as NamedDocument[]).then(
          (messages) => void Object.assign(state, { done: true, messages }),
          (error) =>
            void Object.assign(state, { done: true, error: error instanceof Error ? error.message : String(error) }),
        );
        runs.set(id, { state, ended });
        return id;
      }
      if (command === 'html-validity-result') {
        const id = payload as number;
        const run = runs.get(id);
        if (!run) throw new Error(`no HTML validity run ${id}`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([run.ended, new Promise((resolve) => (timer = setTimeout(resolve, RESULT_WAIT_MS)))]);
        clearTimeout(timer);
        if (run.state.done) runs.delete(id);
        return run.state;
      }
      return undefined;
    },
  };
}
