// The frame every Orca test shares: record one run of a scenario (or read one recorded before,
// ORCA_RUNS=DIR), write its transcript whatever the outcome, then assert journey by journey,
// each failure saying the browser, the journey, what was expected and what was heard.
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { journeyAnswers, type Answer, type Run } from './heard.ts';
import {
  ORCA_ATTEMPTS,
  record,
  TIMEOUT_MINUTES,
  TRANSCRIPTS,
  WAIT_FOR_ORCA_MINUTES,
  type Recorded,
  type RecordOptions,
} from './run.ts';
import { BROWSERS, type BrowserName } from './stack.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Beyond the harness's own limits (waits for another run's Orca, then the run). */
const RECORD_TIMEOUT_MS = (ORCA_ATTEMPTS * WAIT_FOR_ORCA_MINUTES + TIMEOUT_MINUTES + 2) * 60_000;

/** A failure message: what a blind reader should have heard, and what they heard. */
export const expected = (what: string, heard: string): string =>
  `expected to hear ${what}\nheard:\n${heard.trim() ? heard.replace(/^(?! )/gm, '  ') : '  (nothing)'}`;

/** Every answer in a journey, one a line, for failure messages. */
export const listing = (answers: Answer[]): string =>
  answers.map((a) => `  ${a.key.keysym} → ${a.said || '(nothing)'}`).join('\n');

/** The answers to a journey's presses of one key, failing when the scenario pressed none. */
export function answersTo(run: Run, journey: string, keysym: string): Answer[] {
  const answers = journeyAnswers(run, journey).filter((a) => a.key.keysym === keysym);
  assert.ok(answers.length > 0, `the ${journey} journey pressed no ${keysym}; did the scenario change?`);
  return answers;
}

/** Declares one test of a journey. */
export type It = (title: string, fn: () => void | Promise<void>) => void;
/** Declares a journey: its MARK in the scenario, its title, its tests. */
export type Journey = (id: string, title: string, body: (it: It) => void) => void;

export interface SuiteOptions {
  browser: BrowserName;
  /** The run's name: its transcript is transcripts/<name>.txt, a recorded run DIR/<name>/run.json. */
  name: string;
  /** What the suite is about, after "Orca 43 in <browser>". */
  title?: string;
  /** What to record: the scenario and the built edition (journeys.scenario on dist/ by default). */
  record?: Pick<RecordOptions, 'scenario'> & { dist?: () => Promise<string> };
}

/**
 * Records a run (or reads ORCA_RUNS), writes its transcript, then declares the journeys; `body`
 * reads the run through `run()`, which the suite's `before` hook has set by the time a test runs.
 */
export function journeySuite(options: SuiteOptions, body: (journey: Journey, run: () => Run) => void): void {
  const { browser, name: runName } = options;
  const name = BROWSERS[browser].name;
  const transcript = path.join(TRANSCRIPTS, `${runName}.txt`);
  let run: Run | undefined;

  const journey: Journey = (id, title, journeyBody) =>
    describe(`${id}: ${title}`, () =>
      journeyBody((title, fn) =>
        test(title, async () => {
          try {
            await fn();
          } catch (error) {
            if (!(error instanceof assert.AssertionError)) throw error;
            // A new error rather than the assertion's, whose diff is already in its message and
            // would be printed twice; without a stack, which says nothing about what was heard.
            const failure = new Error(
              `Orca in ${name}, journey "${id}": ${error.message}\n(the whole run, as heard: ${path.relative(ROOT, transcript)})`,
            );
            failure.stack = `Error: ${failure.message}`;
            throw failure;
          }
        }),
      ));

  describe(`Orca 43 in ${name}${options.title ? `: ${options.title}` : ''}`, () => {
    before(
      async () => {
        if (process.env.ORCA_RUNS) {
          const file = path.join(process.env.ORCA_RUNS, runName, 'run.json');
          run = JSON.parse(await readFile(file, 'utf8')) as Run;
          assert.equal(run.browser, browser, `${file} holds a ${run.browser} run`);
        } else {
          const say = (line: string) => process.stderr.write(`[orca ${runName}] ${line}\n`);
          let recorded: Recorded;
          try {
            const dist = await options.record?.dist?.();
            recorded = await record({ browser, say, scenario: options.record?.scenario, dist });
          } catch (error) {
            throw new Error(`Orca could not be run in ${name}: ${error instanceof Error ? error.message : error}`);
          }
          // Written whatever the outcome: what was heard is what a reviewer (or a failure) needs.
          await mkdir(TRANSCRIPTS, { recursive: true });
          await copyFile(path.join(recorded.out, 'transcript.txt'), transcript);
          say(`transcript: ${path.relative(ROOT, transcript)}; run.json and logs: ${recorded.out}`);
          run = recorded;
        }
        if (run.failure) {
          throw new Error(
            `Orca in ${name}: the run stopped before the journeys were done, so none can be checked: ${run.failure}\n` +
              `What was heard until then: ${path.relative(ROOT, transcript)}`,
          );
        }
      },
      { timeout: RECORD_TIMEOUT_MS },
    );
    body(journey, () => run!);
  });
}
