// `npm run bench`: builds dist/, serves it beside the floor (the same article as bare HTML),
// measures both, and writes bench/results.json and bench/RESULTS.md. Misses are flagged, not
// failed: this is a benchmark, not a test. About 6–9 minutes on 2 cores (the audio rendered cold is 2–3).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../tools/browsers.ts';
import { audioRender } from './audio-render.ts';
import { firstUse } from './first-use.ts';
import { floorArticle, speechFloorPage } from './floor.ts';
import { CATEGORIES, lighthouseRun } from './lighthouse.ts';
import { offlineFirstVisit } from './offline.ts';
import { pageChecks, SETTLE_MS } from './page-checks.ts';
import { markdown, median, targets } from './report.ts';
import { startServer } from './server.ts';
import { timeToPlaying } from './recorded.ts';
import { PRESS_SETTLE_MS, timeToSpeech } from './speech.ts';

const LIGHTHOUSE_RUNS = 5;
const SPEECH_RUNS = 10;
const OFFLINE_RUNS = 3;
const FIRST_USE_RUNS = 5;
const RECORDED_RUNS = 5;
const DIST = 'dist';
const HERE = path.dirname(fileURLToPath(import.meta.url));

const started = Date.now();
const log = (/** @type {string} */ message) => console.log(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`);
const loadAverage = () => os.loadavg().map((n) => Number(n.toFixed(2)));

function machine() {
  return {
    nproc: os.availableParallelism(),
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    node: process.version,
    lighthouse: JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version,
    loadAverage: { start: loadAverage(), end: /** @type {number[]} */ ([]) },
  };
}

/** Lit's dev build says so in the bundle and the console; the production build does neither. */
function productionMode(/** @type {string[]} */ consoleMessages) {
  const scripts = readdirSync(path.join(DIST, 'assets')).filter((file) => file.endsWith('.js'));
  const bundleSaysDevMode = scripts.some((file) => readFileSync(path.join(DIST, 'assets', file), 'utf8').includes('dev mode'));
  const consoleSaysDevMode = consoleMessages.some((message) => /dev mode/i.test(message));
  return { productionMode: !bundleSaysDevMode && !consoleSaysDevMode, bundleSaysDevMode, consoleSaysDevMode, consoleMessages };
}

/**
 * @param {Awaited<ReturnType<typeof lighthouseRun>>[]} runs
 */
function lighthouseMedian(runs) {
  const of = (/** @type {(run: typeof runs[number]) => number} */ pick) => median(runs.map(pick));
  return {
    median: {
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, of((run) => run.scores[id])])),
      metrics: Object.fromEntries(Object.keys(runs[0].metrics).map((key) => [key, of((run) => run.metrics[key])])),
      bytes: Object.fromEntries(Object.keys(runs[0].bytes).map((key) => [key, of((run) => run.bytes[/** @type {keyof typeof run.bytes} */ (key)])])),
      requests: of((run) => run.requests),
    },
    failedAudits: [...new Set(runs.flatMap((run) => run.failedAudits))],
    runs,
  };
}

async function main() {
  const results = /** @type {any} */ ({ date: new Date().toISOString(), machine: machine() });
  log('building dist/');
  execFileSync(process.execPath, ['generator/build-site.ts'], { stdio: 'inherit' });
  log('audio edition: rendered cold into an empty cache, then rebuilt unchanged (2–4 minutes)');
  results.audioRender = await audioRender({ log });

  const floor = await floorArticle();
  const floorPages = new Map([['index.html', floor.html]]);
  const server = await startServer({ editionDir: DIST, floorPages });
  const urls = { edition: `${server.origin}/edition/`, floor: `${server.origin}/floor/` };
  try {
    log('page checks: layout shifts, render-blocking resources, console, no-script');
    results.pageChecks = { settleMs: SETTLE_MS, ...(await pageChecks(urls)) };
    results.production = productionMode(results.pageChecks.layoutShift.edition.messages);

    log(`Lighthouse: ${LIGHTHOUSE_RUNS} runs each, alternating`);
    const runs = { edition: /** @type {any[]} */ ([]), floor: /** @type {any[]} */ ([]) };
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
      for (const side of /** @type {const} */ (['edition', 'floor'])) {
        // The machine is shared: each run notes the load it ran under.
        runs[side].push({ ...(await lighthouseRun(urls[side])), loadAverage: loadAverage()[0] });
        const last = runs[side].at(-1);
        log(`  ${side} ${run}/${LIGHTHOUSE_RUNS}: performance ${last.scores.performance}, FCP ${Math.round(last.metrics.fcp)} ms, LCP ${Math.round(last.metrics.lcp)} ms, TBT ${Math.round(last.metrics.tbt)} ms, load ${last.loadAverage}`);
      }
    }
    results.lighthouse = {
      edition: lighthouseMedian(runs.edition),
      floor: lighthouseMedian(runs.floor),
      erroredAudits: [...new Set([...runs.edition, ...runs.floor].flatMap((run) => run.erroredAudits))],
    };
    const [e, f] = [results.lighthouse.edition.median, results.lighthouse.floor.median];
    results.lighthouse.ratios = { lcp: e.metrics.lcp / f.metrics.lcp, fcp: e.metrics.fcp / f.metrics.fcp, bytes: e.bytes.total / f.bytes.total };

    log(`time to speech: ${SPEECH_RUNS} presses each, alternating`);
    const speech = await timeToSpeech(
      { edition: urls.edition, floor: `${urls.floor}speech.html` },
      (sentence) => floorPages.set('speech.html', speechFloorPage(floor.meta, sentence)),
      SPEECH_RUNS,
    );
    const summary = (/** @type {{ ms: number, toSpeak: number }[]} */ list) => ({ medianMs: median(list.map((p) => p.ms)), medianToSpeakMs: median(list.map((p) => p.toSpeak)), runs: list });
    results.speech = { settleMs: PRESS_SETTLE_MS, sentence: speech.sentence, warmUpMs: speech.warmUpMs, edition: summary(speech.edition), floor: summary(speech.floor) };

    log(`time to recorded audio: ${RECORDED_RUNS} presses`);
    results.recorded = await timeToPlaying(urls.edition, RECORDED_RUNS);

    log(`first use: Reading settings and Listen opened ${FIRST_USE_RUNS} times each`);
    const openings = await firstUse(urls.edition, FIRST_USE_RUNS);
    results.firstUse = Object.fromEntries(Object.entries(openings).map(([name, runs]) => [name, { medianMs: median(runs.map((r) => r.ms)), fromPressMs: median(runs.map((r) => r.fromPress)), runs }]));

    log(`offline first visit: ${OFFLINE_RUNS} visits`);
    const visits = [];
    for (let visit = 0; visit < OFFLINE_RUNS; visit++) visits.push(await offlineFirstVisit(urls.edition, server.log));
    results.offline = {
      medianAvailableMs: median(visits.map((v) => v.availableMs)),
      medianServedBytes: median(visits.map((v) => v.servedBytes)),
      scriptBytes: visits[0].scriptBytes,
      runs: visits,
    };
  } finally {
    await server.close();
  }

  results.machine.loadAverage.end = loadAverage();
  results.durationSeconds = (Date.now() - started) / 1000;
  results.targets = targets(results);
  writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const resultsMd = path.join(HERE, 'RESULTS.md');
  writeFileSync(resultsMd, markdown(results, resultsMd));

  const missed = results.targets.filter((/** @type {{ met: boolean }} */ t) => !t.met);
  for (const t of results.targets) console.log(`${t.met ? '  met ' : 'MISSED'} ${t.label}: ${t.edition}${t.floor ? ` (floor ${t.floor})` : ''}, target ${t.target}`);
  log(`done: ${missed.length} of ${results.targets.length} targets missed; see bench/RESULTS.md`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
