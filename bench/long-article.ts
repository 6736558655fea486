// The long article (issue 22): a 50,000-word article (tools/long-article.ts, the one the Node
// test builds without audio) built with its audio edition into a scratch folder with an audio
// cache of its own, its first-visit figures as the build reports them (over the budget is a
// warning, and here a figure), then the player on its page in Chromium, measured as the seed's
// is (bench/speech.ts, bench/recorded.ts, bench/first-use.ts). Run alone with
// `npm run bench -- --only long-article` (about half an hour on 2 cores under load, nearly all of it the audio render: 7 hours of speech).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type AudioSummary } from '../generator/build-site.ts';
import { formatDiagnostic } from '../generator/diagnostics.ts';
import type { SizeFigures } from '../generator/sizes.ts';
import { longArticle } from '../tools/long-article.ts';
import { firstUseOpenings, OPENINGS, type OpeningName } from './first-use.ts';
import { floorArticle, speechFloorPage } from './floor.ts';
import { AFTER_OUTCOME_MS } from './long-tasks.ts';
import { timeToPlaying, type TimeToPlaying } from './recorded.ts';
import type { Area, Row } from './report.ts';
import type { FirstUseOpening, SpeechSide } from './results.ts';
import { startServer } from './server.ts';
import { PRESS_SETTLE_MS, speechSide, timeToSpeech } from './speech.ts';

export const LONG_ARTICLE_WORDS = 50_000;
const SPEECH_RUNS = 5;
const RECORDED_RUNS = 5;
const FIRST_USE_RUNS = 3;
/** A longest task under this keeps a tap's reply within Core Web Vitals' "good" interaction to next paint. */
const LONGEST_TASK_TARGET_MS = 200;
/** The player's reply to Listen on the seed is 0.2–0.5 s; a second is where a listener starts to wonder. */
const RECORDED_TARGET_MS = 1000;

export interface LongArticleResults {
  /** When this case ran (ISO 8601): it may run alone, after the rest of the bench. */
  date: string;
  /** The machine's cores, and its 1-, 5- and 15-minute load averages when this started and ended (it is shared). */
  nproc: number;
  loadAverage: { start: number[]; end: number[] };
  words: number;
  sections: number;
  /** The build with an empty audio cache, whole, in the bench's process. */
  buildSeconds: number;
  /** The first-visit figures as the build reports them. */
  sizes: SizeFigures;
  /** The build's budget warnings, as it prints them. */
  budgetWarnings: string[];
  audio: AudioSummary;
  speech: { settleMs: number; sentence: string; edition: SpeechSide; floor: SpeechSide };
  recorded: TimeToPlaying;
  firstUse: Record<OpeningName, FirstUseOpening>;
  durationSeconds: number;
}

const loadAverage = () => loadavg().map((n) => Number(n.toFixed(2)));

/** `words` is for trying the bench out on a shorter article. */
export async function longArticleBench({
  words = LONG_ARTICLE_WORDS,
  log = () => {},
}: { words?: number; log?: (message: string) => void } = {}): Promise<LongArticleResults> {
  const started = performance.now();
  const date = new Date().toISOString();
  const start = loadAverage();
  const scratch = await mkdtemp(path.join(tmpdir(), 'reader-edition-bench-long-'));
  try {
    const article = await longArticle(words);
    const articles = path.join(scratch, 'articles');
    await mkdir(articles);
    await writeFile(path.join(articles, 'long.md'), article.source);
    const out = path.join(scratch, 'site');
    log(`long article: ${article.words} words, building with its audio (7 hours of speech: 10–30 minutes)`);
    const report = await buildSite({ articles, out, audioCache: path.join(scratch, 'audio-cache') });
    const buildSeconds = (performance.now() - started) / 1000;
    const audio = report.figures.audio.editions[0];
    if (!audio) throw new Error('the long article was built without its audio edition: is a voice installed?');
    const { firstVisit, beforeInteraction, firstUse: onFirstUse, precache, optionalFonts } = report.figures;
    // Named from the scratch folder, so the report does not carry a temporary path.
    const budgetWarnings = report.diagnostics
      .filter((d) => d.rule === 'budget')
      .map((d) => formatDiagnostic({ ...d, file: path.relative(scratch, d.file) }));
    log(`long article: built in ${buildSeconds.toFixed(0)} s; ${budgetWarnings.join('; ') || 'no budget warning'}`);

    const floorPages = new Map<string, string>();
    const { meta } = await floorArticle(articles);
    const server = await startServer({ editionDir: out, floorPages });
    try {
      const url = `${server.origin}/edition/`;
      log(`long article: time to speech, ${SPEECH_RUNS} presses each, alternating with the floor`);
      const speech = await timeToSpeech(
        { edition: url, floor: `${server.origin}/floor/speech.html` },
        (sentence) => floorPages.set('speech.html', speechFloorPage(meta, sentence)),
        SPEECH_RUNS,
      );
      log(`long article: time to recorded audio, ${RECORDED_RUNS} presses`);
      const recorded = await timeToPlaying(url, RECORDED_RUNS);
      log(`long article: first use, ${FIRST_USE_RUNS} openings each`);
      const firstUse = await firstUseOpenings(url, FIRST_USE_RUNS);
      return {
        date,
        nproc: availableParallelism(),
        loadAverage: { start, end: loadAverage() },
        words: article.words,
        sections: article.sections,
        buildSeconds,
        sizes: { firstVisit, beforeInteraction, firstUse: onFirstUse, precache, optionalFonts },
        budgetWarnings,
        audio,
        speech: {
          settleMs: PRESS_SETTLE_MS,
          sentence: speech.sentence,
          edition: speechSide(speech.edition),
          floor: speechSide(speech.floor),
        },
        recorded,
        firstUse,
        durationSeconds: (performance.now() - started) / 1000,
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const ms = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** h:mm:ss: the long article's audio runs for hours. */
const clock = (seconds: number) =>
  [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), Math.round(seconds % 60)]
    .map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0')))
    .join(':');
const each = (values: number[]) => values.map((v) => Math.round(v)).join(', ');

/** The report's tables for these results (bench/report.ts). */
export function longArticleAreas(l: LongArticleResults): Area[] {
  const { firstVisit, beforeInteraction } = l.sizes;
  const speechGap = l.speech.edition.medianMs - l.speech.floor.medianMs;
  const longest = (side: { runs: { longestTaskMs?: number }[] }) => side.runs.map((r) => r.longestTaskMs ?? NaN);
  const taskRow = (label: string, median: number | undefined, runs: number[]): Row => ({
    label,
    edition: `${ms(median)} (${each(runs)})`,
    target: `≤ ${LONGEST_TASK_TARGET_MS} ms`,
    met: median !== undefined && median <= LONGEST_TASK_TARGET_MS,
  });
  const when = `Run on ${l.date}, in ${Math.round(l.durationSeconds)} s; load average ${l.loadAverage.start.join(', ')} at the start, ${l.loadAverage.end.join(', ')} at the end (the machine has ${l.nproc} cores and is shared: the timings carry that load).`;
  return [
    {
      title: `A ${l.words.toLocaleString('en')}-word article: the build and its audio edition`,
      about: `tools/long-article.ts's article (the seed's words in a fixed pseudo-random order, ${l.sections} sections), alone in a scratch folder, built once with an empty audio cache of its own in the bench's process. Every figure is the build report's. The first visit is over the ${firstVisit.budgetBytes / 1024} KB budget by design (the page's text alone is more): the build warns and still publishes, so the bench shows it as a figure, not a missed target. ${when}`,
      rows: [
        { label: 'build with its audio, empty cache (whole build)', edition: `${l.buildSeconds.toFixed(0)} s` },
        {
          label: 'audio render (synthesis and encoding)',
          edition: `${l.audio.renderSeconds.toFixed(0)} s for ${clock(l.audio.seconds)} of speech (${(l.audio.seconds / l.audio.renderSeconds).toFixed(0)}× real time, ${l.audio.voice})`,
        },
        {
          label: 'MP3: size, duration',
          edition: `${(l.audio.bytes / 1e6).toFixed(1)} MB, ${clock(l.audio.seconds)} (${((l.audio.bytes * 8) / l.audio.seconds / 1e3).toFixed(1)} kbps)`,
        },
        { label: 'cues (one a sentence), chapters', edition: `${l.audio.cues}, ${l.audio.chapters}` },
        {
          label: 'first visit (gzip), as the build reports it',
          edition: `${kb(firstVisit.gzipBytes)}, of which the page ${kb(firstVisit.heaviestPage.gzipBytes)}`,
          target: `${firstVisit.budgetBytes / 1024} KB budget: a warning`,
        },
        { label: "the build's budget warning", edition: l.budgetWarnings.join(' ') || 'none' },
        {
          label: 'script before a first interaction (Brotli), as the build reports it',
          edition: kb(beforeInteraction.brotliBytes),
          // The same as the seed's: the script does not grow with the article.
          target: `≤ ${beforeInteraction.budgetBytes / 1024} KB`,
          met: beforeInteraction.brotliBytes <= beforeInteraction.budgetBytes,
        },
      ],
    },
    {
      title: `A ${l.words.toLocaleString('en')}-word article: the player in Chromium`,
      about: `The seed's measurements on the long page, with the seed's targets where it has them: time to speech (bench/speech.ts; ${l.speech.edition.runs.length} presses each, alternating with a bare page that speaks the same first sentence, ${l.speech.settleMs} ms after voices are listed), time to recorded audio (bench/recorded.ts; ${l.recorded.runs.length} presses, each a first use in a fresh context, so the player's code, the ${l.audio.cues} cues and the MP3's start load after the press), and opened on first use (bench/first-use.ts; ${l.firstUse.listen.runs.length} first visits each). The longest main-thread task is the longest Long Tasks API entry from the press to ${AFTER_OUTCOME_MS / 1000} s after speech started or the audio played: a tap then waits at most that long. Its target, ${LONGEST_TASK_TARGET_MS} ms, is Core Web Vitals' "good" interaction to next paint; recorded audio's, ${RECORDED_TARGET_MS / 1000} s, is a few times the seed's 0.2–0.5 s, where a listener starts to wonder whether the press worked. In brackets, each run. ${when}`,
      rows: [
        {
          label: 'press → speech starts (device voice)',
          edition: `${ms(l.speech.edition.medianMs)} (${each(l.speech.edition.runs.map((r) => r.ms))})`,
          floor: ms(l.speech.floor.medianMs),
          target: '≤ floor + 100 ms',
          met: speechGap <= 100,
        },
        {
          label: "press → speak() called (the player's own work)",
          edition: ms(l.speech.edition.medianToSpeakMs),
          floor: ms(l.speech.floor.medianToSpeakMs),
        },
        taskRow(
          'longest main-thread task, press → a second of speech',
          l.speech.edition.medianLongestTaskMs,
          longest(l.speech.edition),
        ),
        {
          label: 'recorded audio: press → playing',
          edition: `${ms(l.recorded.medianMs)} (${each(l.recorded.runs.map((r) => r.ms))})`,
          target: `≤ ${RECORDED_TARGET_MS} ms`,
          met: l.recorded.medianMs <= RECORDED_TARGET_MS,
        },
        {
          label: "recorded audio: press → play() called (the player's own work)",
          edition: ms(l.recorded.medianToPlayMs),
        },
        taskRow(
          'longest main-thread task, press → a second of recorded audio',
          l.recorded.medianLongestTaskMs,
          longest(l.recorded),
        ),
        // Object.keys is typed string[]; these are OPENINGS' own keys.
        ...(Object.keys(OPENINGS) as OpeningName[]).map((name) => ({
          label: OPENINGS[name].label,
          edition: `${ms(l.firstUse[name].medianMs)} (${each(l.firstUse[name].runs.map((r) => r.ms))}; from the press ${ms(l.firstUse[name].fromPressMs)})`,
          target: '≤ 100 ms',
          met: l.firstUse[name].medianMs <= 100,
        })),
      ],
    },
  ];
}
