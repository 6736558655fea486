// `npm run bench`: builds dist/, serves it beside the floor (the same article as bare HTML),
// measures both, then the 50,000-word article (bench/long-article.ts), and writes
// bench/results.json and bench/RESULTS.md. Misses are flagged, not failed: this is a benchmark,
// not a test. About 6–9 minutes on 2 cores (the audio rendered cold is 2–3), and 10–30 more for
// the long article. `--only long-article` runs that case alone and `--skip long-article` all but
// it; `--only recorded` builds dist/ and times recorded audio alone (the press with the
// recording chosen, and Listen with and without voices); `--only books` builds dist/ and takes
// its figures (sizes, each article's book), with no timing. Each keeps the other figures of the
// last run in results.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSite, type BuildFigures } from '../generator/build-site.ts';
import { formatDiagnostic } from '../generator/diagnostics.ts';
import { CHROMIUM } from '../tools/browsers.ts';
import { archiveCase } from './archive.ts';
import { audioRender } from './audio-render.ts';
import { firstUseOpenings } from './first-use.ts';
import { floorArticle, speechFloorPage } from './floor.ts';
import { CATEGORIES, lighthouseRun } from './lighthouse.ts';
import { longArticleBench } from './long-article.ts';
import { offlineFirstVisit } from './offline.ts';
import { pageChecks, SETTLE_MS } from './page-checks.ts';
import { markdown, median, targets, type Target } from './report.ts';
import type { BenchResults, LighthouseRun, LighthouseSide, Machine, Production } from './results.ts';
import { startServer } from './server.ts';
import { listenWithAndWithoutVoices, timeToPlaying } from './recorded.ts';
import { PRESS_SETTLE_MS, speechSide, timeToSpeech } from './speech.ts';

const LIGHTHOUSE_RUNS = 5;
const SPEECH_RUNS = 10;
const OFFLINE_RUNS = 3;
const FIRST_USE_RUNS = 5;
const RECORDED_RUNS = 5;
const DIST = 'dist';
const HERE = path.dirname(fileURLToPath(import.meta.url));

const started = Date.now();
const log = (message: string) => console.log(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`);
const loadAverage = () => os.loadavg().map((n) => Number(n.toFixed(2)));

function machine(): Machine {
  return {
    nproc: os.availableParallelism(),
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    node: process.version,
    lighthouse: (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string })
      .version,
    loadAverage: { start: loadAverage(), end: [] },
  };
}

/** Lit's dev build says so in the bundle and the console; the production build does neither. */
function productionMode(consoleMessages: string[]): Production {
  const scripts = readdirSync(path.join(DIST, 'assets')).filter((file) => file.endsWith('.js'));
  const bundleSaysDevMode = scripts.some((file) =>
    readFileSync(path.join(DIST, 'assets', file), 'utf8').includes('dev mode'),
  );
  const consoleSaysDevMode = consoleMessages.some((message) => /dev mode/i.test(message));
  return {
    productionMode: !bundleSaysDevMode && !consoleSaysDevMode,
    bundleSaysDevMode,
    consoleSaysDevMode,
    consoleMessages,
  };
}

/** The median of each field of records that share their keys. */
function medians<T extends object>(records: T[]): T {
  // Object.fromEntries is typed with string keys; these are T's own, each mapped to a number.
  return Object.fromEntries(
    Object.keys(records[0]).map((key) => [key, median(records.map((record) => record[key as keyof T] as number))]),
  ) as T;
}

function lighthouseMedian(runs: LighthouseRun[]): LighthouseSide {
  return {
    median: {
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, median(runs.map((run) => run.scores[id]))])),
      metrics: medians(runs.map((run) => run.metrics)),
      bytes: medians(runs.map((run) => run.bytes)),
      requests: median(runs.map((run) => run.requests)),
    },
    failedAudits: [...new Set(runs.flatMap((run) => run.failedAudits))],
    runs,
  };
}

/** results.json: the results, the build's figures for dist/, and every row with a target. */
type ResultsFile = BenchResults & { build: BuildFigures; targets: Target[] };
const RESULTS_JSON = path.join(HERE, 'results.json');

/** Writes results.json and RESULTS.md, and prints each target. */
function write(results: BenchResults, build: BuildFigures): void {
  const met = targets(results);
  writeFileSync(RESULTS_JSON, `${JSON.stringify({ ...results, build, targets: met }, null, 2)}\n`);
  const resultsMd = path.join(HERE, 'RESULTS.md');
  writeFileSync(resultsMd, markdown(results, resultsMd));

  const missed = met.filter((t) => !t.met);
  for (const t of met)
    console.log(
      `${t.met ? '  met ' : 'MISSED'} ${t.label}: ${t.edition}${t.floor ? ` (floor ${t.floor})` : ''}, target ${t.target}`,
    );
  log(`done: ${missed.length} of ${met.length} targets missed; see bench/RESULTS.md`);
}

const LONG_ARTICLE = 'long-article';
const RECORDED = 'recorded';
const BOOKS = 'books';
const ONLY = [LONG_ARTICLE, RECORDED, BOOKS];

/** Time to recorded audio: the press with the recording chosen, and Listen with and without voices; `date`, the run's. */
async function recordedAudio(url: string, date: string) {
  log(`time to recorded audio: ${RECORDED_RUNS} presses with the recording chosen`);
  const recorded = await timeToPlaying(url, RECORDED_RUNS);
  log(`Listen → recording, nothing chosen: ${RECORDED_RUNS} presses each with voices and without, alternating`);
  return { recorded, listen: { date, ...(await listenWithAndWithoutVoices(url, RECORDED_RUNS)) } };
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({ options: { only: { type: 'string' }, skip: { type: 'string' } } });
  if (options.skip !== undefined && options.skip !== LONG_ARTICLE) throw new Error(`--skip takes "${LONG_ARTICLE}"`);
  if (options.only !== undefined && !ONLY.includes(options.only))
    throw new Error(`--only takes ${ONLY.map((name) => `"${name}"`).join(', ')}`);
  const last = () => JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as ResultsFile;
  if (options.only === LONG_ARTICLE) {
    // The other figures are the last full run's, as results.json has them.
    const { build, targets: _, ...previous } = last();
    write({ ...previous, longArticle: await longArticleBench({ log }) }, build);
    return;
  }
  if (options.only === BOOKS) {
    log('building dist/');
    const built = await buildSite({ out: DIST, log: (line) => console.log(line) });
    // The timings are the last full run's; the sizes and books, this build's.
    const { build: _, targets: __, ...previous } = last();
    write({ ...previous, books: built.figures.books }, built.figures);
    return;
  }
  if (options.only === RECORDED) {
    log('building dist/');
    await buildSite({ out: DIST, log: (line) => console.log(line) });
    const server = await startServer({ editionDir: DIST, floorPages: new Map() });
    try {
      // The other figures, and the build's, are the last full run's, as results.json has them.
      const { build, targets: _, ...previous } = last();
      write({ ...previous, ...(await recordedAudio(`${server.origin}/edition/`, new Date().toISOString())) }, build);
    } finally {
      await server.close();
    }
    return;
  }

  const date = new Date().toISOString();
  const machineInfo = machine();
  log('building dist/');
  const build = await buildSite({ out: DIST, log: (line) => console.log(line) });
  // Over a budget is one of these warnings; the figures go in results.json as the build reports them.
  for (const diagnostic of build.diagnostics) console.log(formatDiagnostic(diagnostic));
  log('audio edition: rendered cold into an empty cache, then rebuilt unchanged (2–4 minutes)');
  const audio = await audioRender({ log });
  const archive = await archiveCase(log);

  const floor = await floorArticle();
  const floorPages = new Map([['index.html', floor.html]]);
  const server = await startServer({ editionDir: DIST, floorPages });
  const urls = { edition: `${server.origin}/edition/`, floor: `${server.origin}/floor/` };
  let measured: Omit<BenchResults, 'date' | 'machine' | 'audioRender' | 'durationSeconds'>;
  try {
    log('page checks: layout shifts, render-blocking resources, console, no-script');
    const checks = { settleMs: SETTLE_MS, ...(await pageChecks(urls)) };
    const production = productionMode(checks.layoutShift.edition.messages);

    log(`Lighthouse: ${LIGHTHOUSE_RUNS} runs each, alternating`);
    const runs: Record<'edition' | 'floor', LighthouseRun[]> = { edition: [], floor: [] };
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
      for (const side of ['edition', 'floor'] as const) {
        // The machine is shared: each run notes the load it ran under.
        const last = { ...(await lighthouseRun(urls[side])), loadAverage: loadAverage()[0] };
        runs[side].push(last);
        log(
          `  ${side} ${run}/${LIGHTHOUSE_RUNS}: performance ${last.scores.performance}, FCP ${Math.round(last.metrics.fcp)} ms, LCP ${Math.round(last.metrics.lcp)} ms, TBT ${Math.round(last.metrics.tbt)} ms, load ${last.loadAverage}`,
        );
      }
    }
    const [edition, floorSide] = [lighthouseMedian(runs.edition), lighthouseMedian(runs.floor)];
    const [e, f] = [edition.median, floorSide.median];
    const lighthouse = {
      edition,
      floor: floorSide,
      erroredAudits: [...new Set([...runs.edition, ...runs.floor].flatMap((run) => run.erroredAudits))],
      ratios: {
        lcp: e.metrics.lcp / f.metrics.lcp,
        fcp: e.metrics.fcp / f.metrics.fcp,
        bytes: e.bytes.total / f.bytes.total,
      },
    };

    log(`time to speech: ${SPEECH_RUNS} presses each, alternating`);
    const speech = await timeToSpeech(
      { edition: urls.edition, floor: `${urls.floor}speech.html` },
      (sentence) => floorPages.set('speech.html', speechFloorPage(floor.meta, sentence)),
      SPEECH_RUNS,
    );

    const { recorded, listen } = await recordedAudio(urls.edition, date);

    log(`first use: Reading settings and Listen opened ${FIRST_USE_RUNS} times each`);
    const firstUseResults = await firstUseOpenings(urls.edition, FIRST_USE_RUNS);

    log(`offline first visit: ${OFFLINE_RUNS} visits`);
    const visits = [];
    for (let visit = 0; visit < OFFLINE_RUNS; visit++) visits.push(await offlineFirstVisit(urls.edition, server.log));

    measured = {
      pageChecks: checks,
      production,
      lighthouse,
      speech: {
        settleMs: PRESS_SETTLE_MS,
        sentence: speech.sentence,
        warmUpMs: speech.warmUpMs,
        edition: speechSide(speech.edition),
        floor: speechSide(speech.floor),
      },
      recorded,
      listen,
      firstUse: firstUseResults,
      offline: {
        medianAvailableMs: median(visits.map((v) => v.availableMs)),
        medianServedBytes: median(visits.map((v) => v.servedBytes)),
        scriptBytes: visits[0].scriptBytes,
        runs: visits,
      },
    };
  } finally {
    await server.close();
  }

  machineInfo.loadAverage.end = loadAverage();
  const durationSeconds = (Date.now() - started) / 1000;
  const longArticle = options.skip ? last().longArticle : await longArticleBench({ log });
  const results: BenchResults = {
    date,
    machine: machineInfo,
    audioRender: audio,
    ...measured,
    books: build.figures.books,
    archive,
    durationSeconds,
    ...(longArticle ? { longArticle } : {}),
  };
  write(results, build.figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
