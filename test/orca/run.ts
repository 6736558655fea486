// Records one run of the journeys scenario with Orca in one browser, and writes its transcript.
//
//   npm run orca -- --browser firefox|chromium|both [--update-transcripts] [--before] [--out DIR]
//                   [--scenario FILE] [--dist DIR] [--timeout MINUTES]
//
// Needs a built dist/ (npm run build) and Debian's orca, xvfb, … (see .ci/run). Writes
// run.json (every speech event and key), transcript.txt and the logs into the out folder (a new
// temporary folder unless --out); --update-transcripts also copies the transcript to
// test/orca/transcripts/<browser>.txt, --before to before-<browser>.txt.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import type { Run } from './heard.ts';
import { parseScenario, runScenario, waitForSpeech, type Action, type Step } from './scenario.ts';
import type { SpeechEvent } from './speech-log.ts';
import { BROWSERS, OrcaStack, waitForOtherOrcas, type BrowserName } from './stack.ts';
import { formatTranscript } from './transcript.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
export const SCENARIO = path.join(HERE, 'journeys.scenario');
export const TRANSCRIPTS = path.join(HERE, 'transcripts');
/** One run takes 8 to 10 minutes on this busy 2-core machine; past this something is stuck. */
export const TIMEOUT_MINUTES = 15;
/** How long to wait for another Orca of this user (another run) to end before starting ours. */
export const WAIT_FOR_ORCA_MINUTES = 25;
/** How long Orca may keep talking about the freshly loaded page before the first journey. */
const LOAD_LIMIT_MS = 90_000;

export interface RecordOptions {
  browser: BrowserName;
  /** a folder for run.json, transcript.txt and the logs (a new temporary one if not given) */
  out?: string;
  /** the scenario file */
  scenario?: string;
  /** the built edition */
  dist?: string;
  /** the hard limit for the whole run */
  timeoutMs?: number;
  /** progress */
  say?: (line: string) => void;
}

/** A run, and the folder that holds its run.json, transcript.txt and logs. */
export type Recorded = Run & { out: string };

/**
 * Starts the stack, runs the scenario, stops everything (also on failure, a signal or the
 * timeout), and returns the run; run.json and transcript.txt are in `run.out`.
 */
export async function record(options: RecordOptions): Promise<Recorded> {
  const { browser, say = () => {} } = options;
  const dist = options.dist ?? path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`no built edition in ${dist}: run npm run build first`);
  const missing = OrcaStack.missing(browser);
  if (missing.length > 0)
    throw new Error(
      `missing Debian packages: ${missing.join(' ')} (apt-get install -y --no-install-recommends ${missing.join(' ')}, as root; .ci/run does)`,
    );
  const steps = parseScenario(await readFile(options.scenario ?? SCENARIO, 'utf8'));
  const out = options.out ?? (await mkdtemp(path.join(os.tmpdir(), `reader-edition-orca-${browser}-`)));
  for (let attempt = 1; ; attempt += 1) {
    // Orca runs once per user: wait for another run's Orca to end (outside the run's time limit).
    await waitForOtherOrcas(say, WAIT_FOR_ORCA_MINUTES * 60_000);
    const run = await attemptRun({ ...options, browser, dist, out, say }, steps);
    // Another Orca can start between our look and Orca's own: then wait for it, and start again.
    if (!(run.failure && OTHER_ORCA.test(run.failure)) || attempt === ORCA_ATTEMPTS) return run;
    say('another Orca started first; waiting for it to end to start again');
    for (const dir of ['speechd', 'logs']) await rm(path.join(out, dir), { recursive: true, force: true });
  }
}

/** Orca's words when it will not start beside another Orca of the same user. */
const OTHER_ORCA = /Another screen reader process|orca --replace/;
export const ORCA_ATTEMPTS = 3;

/**
 * One run: the stack, the load, the scenario, and everything stopped again, also on a
 * signal or at the time limit.
 */
async function attemptRun(
  options: RecordOptions & { dist: string; out: string; say: (line: string) => void },
  steps: Step[],
): Promise<Recorded> {
  const { browser, dist, out, say } = options;
  const stack = new OrcaStack({ browser, dist, out, say });
  const onSignal = (signal: NodeJS.Signals) => {
    say(`${signal}: stopping`);
    stack.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const onExit = () => stack.stopNow();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);
  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MINUTES * 60_000;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the run took longer than ${timeoutMs / 60_000} minutes`)), timeoutMs);
  });

  let actions: Action[] = [];
  let failure: string | undefined;
  try {
    const work = (async () => {
      await stack.start();
      say('page loaded; Orca is reading it');
      // Once loaded, Orca says so, sums the page up ("Page has 4 landmarks, …") and starts
      // reading it all. The first key interrupts that, as a reader would, once the reading has
      // reached the player (cut at its very start, Orca seemed to stay in say-all mode, and never
      // switched to focus mode again for the rest of the run).
      await waitForSpeech(stack.speech, stack.browserStarted, LOAD_LIMIT_MS, (events) =>
        loadHeard(events, stack.browserStartSeq),
      );
      actions = await runScenario(stack, steps, say, () => stack.stopping);
    })();
    work.catch(() => {}); // a timeout wins the race; the work then fails as the stack stops
    await Promise.race([work, timedOut]);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
    await stack.speech.read().catch(() => []);
    await stack.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  }

  const run: Run = {
    browser,
    versions: { browser: await versionOf(BROWSERS[browser].executable), orca: await versionOf('orca') },
    url: stack.url,
    started: stack.browserStarted,
    startSeq: stack.browserStartSeq,
    actions,
    events: stack.speech.events,
    ...(failure ? { failure } : {}),
  };
  await writeFile(path.join(out, 'run.json'), `${JSON.stringify(run, null, 1)}\n`);
  await writeFile(path.join(out, 'transcript.txt'), formatTranscript(run));
  return { ...run, out };
}

/**
 * Whether Orca, reading the page from the top after its page summary ("Page has 4 landmarks, …"),
 * has read as far as the player's Listen button.
 */
function loadHeard(events: SpeechEvent[], after: number): boolean {
  const summary = events.find(
    (e) => e.seq > after && e.speaker === 'orca' && e.kind === 'queued' && /^Page has\b/.test(e.text ?? ''),
  );
  if (!summary) return false;
  const listen = events.find(
    (e) => e.seq > summary.seq && e.speaker === 'orca' && e.kind === 'queued' && e.text?.trim() === 'Listen',
  );
  return listen !== undefined && events.some((e) => e.id === listen.id && (e.kind === 'end' || e.kind === 'cancel'));
}

async function versionOf(executable: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(executable, ['--version'], { timeout: 20_000 });
    return stdout
      .trim()
      .split('\n')[0]
      .replace(/ built on .*/, '');
  } catch {
    return `${path.basename(executable)} (version unknown)`;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      browser: { type: 'string', default: 'both' },
      'update-transcripts': { type: 'boolean', default: false },
      before: { type: 'boolean', default: false },
      out: { type: 'string' },
      scenario: { type: 'string' },
      dist: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const browsers = values.browser === 'both' ? (['firefox', 'chromium'] as const) : [values.browser];
  for (const browser of browsers) {
    if (browser !== 'firefox' && browser !== 'chromium')
      throw new Error(`--browser must be firefox, chromium or both, not ${browser}`);
    const started = Date.now();
    const say = (line: string) =>
      console.log(`[${browser} ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
    const run = await record({
      browser,
      out: values.out && (browsers.length > 1 ? path.join(values.out, browser) : values.out),
      scenario: values.scenario,
      dist: values.dist,
      timeoutMs: values.timeout ? Number(values.timeout) * 60_000 : undefined,
      say,
    });
    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${path.join(run.out, 'transcript.txt')}`);
    if (run.failure) {
      console.error(`${browser}: ${run.failure}`);
      process.exitCode = 1;
    }
    const names = [
      ...(values['update-transcripts'] ? [`${browser}.txt`] : []),
      ...(values.before ? [`before-${browser}.txt`] : []),
    ];
    if (names.length > 0 && run.failure) {
      say('not updating the committed transcripts from a run that stopped early');
      continue;
    }
    for (const name of names) {
      await mkdir(TRANSCRIPTS, { recursive: true });
      await copyFile(path.join(run.out, 'transcript.txt'), path.join(TRANSCRIPTS, name));
      say(`wrote ${path.relative(ROOT, path.join(TRANSCRIPTS, name))}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
