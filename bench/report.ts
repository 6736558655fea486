// Turns the raw results into rows (edition, floor, ratio, target, met?) and RESULTS.md.
// The notes a person writes at the end of RESULTS.md, below NOTES_MARK, survive a rerun.
import { existsSync, readFileSync } from 'node:fs';
import { OPENINGS } from './first-use.ts';
import type { OpeningName } from './first-use.ts';
import { audioRenderArea } from './audio-render.ts';
import { archiveArea } from './archive.ts';
import { longArticleAreas } from './long-article.ts';
import { BOOK_TEXT_BUDGET, type BookFigures } from '../generator/book/book-figures.ts';
import { fileSize } from '../src/file-size.ts';
import type { LighthouseRun, BenchResults } from './results.ts';
import type { Paint, Shift } from './page-checks.ts';

export const NOTES_MARK =
  '<!-- Notes written by hand: everything below this line is kept when `npm run bench` rewrites this file. -->';

export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '');
const cls = (check: { cls: number; clsOfEachVisit: number[] }) =>
  `${check.cls.toFixed(3)} (${check.clsOfEachVisit.map((v) => v.toFixed(3)).join(', ')})`;
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** One row of a table: a figure for the edition, and for the floor where it has one. */
export interface Row {
  label: string;
  edition: string;
  floor?: string;
  ratio?: string;
  target?: string;
  /** Absent where the row is for information only. */
  met?: boolean;
}

/** One table of the report. */
export interface Area {
  title: string;
  about: string;
  rows: Row[];
}

/** A row with a target, and its area's title: results.json's `targets`. */
export type Target = Row & { area: string };

/** The tables of the report, one per area, from bench/run.ts's results. */
export function areas(r: BenchResults): Area[] {
  const lh = r.lighthouse;
  const [e, f] = [lh.edition.median, lh.floor.median];
  const { page: pageJs, worker: workerJs, onFirstUse, pageFiles } = r.offline.scriptBytes;
  const blocking = r.pageChecks.layoutShift.edition.renderBlocking;
  const speechGap = r.speech.edition.medianMs - r.speech.floor.medianMs;
  const listen = r.listen;
  const listenGap = listen ? listen.noVoices.medianMs - listen.voices.medianMs : NaN;
  return [
    {
      title: 'Lighthouse (mobile, simulated throttling)',
      about: `Median of ${lh.edition.runs.length} runs each, edition and floor alternating, each in a fresh profile (a first visit). Bytes are Lighthouse's transfer sizes (compressed, headers included) of the page's own requests.`,
      rows: [
        ...Object.keys(e.scores).map((id) => ({
          label: `${id} score`,
          edition: String(e.scores[id]),
          floor: String(f.scores[id]),
          target: '100',
          met: e.scores[id] === 100,
        })),
        {
          label: 'First Contentful Paint',
          edition: ms(e.metrics.fcp),
          floor: ms(f.metrics.fcp),
          ratio: ratio(e.metrics.fcp, f.metrics.fcp),
          target: '≤ 1.10× floor',
          met: e.metrics.fcp <= 1.1 * f.metrics.fcp,
        },
        {
          label: 'Largest Contentful Paint',
          edition: ms(e.metrics.lcp),
          floor: ms(f.metrics.lcp),
          ratio: ratio(e.metrics.lcp, f.metrics.lcp),
          target: '≤ 1.10× floor',
          met: e.metrics.lcp <= 1.1 * f.metrics.lcp,
        },
        {
          label: 'Total Blocking Time',
          edition: ms(e.metrics.tbt),
          floor: ms(f.metrics.tbt),
          ratio: ratio(e.metrics.tbt, f.metrics.tbt),
          target: '≤ 50 ms',
          met: e.metrics.tbt <= 50,
        },
        {
          label: 'Cumulative Layout Shift',
          edition: e.metrics.cls.toFixed(3),
          floor: f.metrics.cls.toFixed(3),
          target: '0',
          met: e.metrics.cls === 0,
        },
        {
          label: 'Speed Index',
          edition: ms(e.metrics.speedIndex),
          floor: ms(f.metrics.speedIndex),
          ratio: ratio(e.metrics.speedIndex, f.metrics.speedIndex),
        },
        ...(['html', 'js', 'css', 'fonts', 'other'] as const).map((group) => ({
          label: `bytes: ${group}`,
          edition: kb(e.bytes[group]),
          floor: kb(f.bytes[group]),
        })),
        {
          label: 'bytes: total',
          edition: kb(e.bytes.total),
          floor: kb(f.bytes.total),
          ratio: ratio(e.bytes.total, f.bytes.total),
        },
        { label: 'requests', edition: String(e.requests), floor: String(f.requests) },
      ],
    },
    {
      title: 'JavaScript and first render',
      about:
        'From the puppeteer checks (resources whose `renderBlockingStatus` is "blocking"; the page with JavaScript off) and the scripts as the server sent them on an offline first visit: Brotli-compressed bodies, without headers. "Before a first interaction" is what the page itself requested (' +
        pageFiles.join(', ') +
        ') and sw.js; the chunks loaded on first use were fetched only by the worker, to precache them.',
      rows: [
        {
          label: 'article complete with JavaScript off (title and all paragraphs)',
          edition: yesNo(r.pageChecks.withoutScript.complete),
          floor: 'yes',
          target: 'yes',
          met: r.pageChecks.withoutScript.complete,
        },
        {
          label: 'render-blocking resources',
          edition: blocking.join(', ') || 'none',
          floor: r.pageChecks.layoutShift.floor.renderBlocking.join(', ') || 'none',
          target: 'none',
          met: blocking.length === 0,
        },
        {
          label: 'JavaScript the page loads before a first interaction (Brotli)',
          edition: kb(pageJs),
          floor: kb(f.bytes.js),
        },
        { label: 'the service worker, sw.js (Brotli)', edition: kb(workerJs), floor: '0.0 KB' },
        {
          label: 'JavaScript before a first interaction, Lit and worker included (Brotli)',
          edition: kb(pageJs + workerJs),
          floor: kb(f.bytes.js),
          target: '≤ 25 KB',
          met: pageJs + workerJs <= 25 * 1024,
        },
        { label: 'JavaScript loaded on first use, precached (Brotli)', edition: kb(onFirstUse) },
        {
          label: 'Lit in production mode (no dev-mode text in the bundle or warning in the console)',
          edition: yesNo(r.production.productionMode),
          target: 'yes',
          met: r.production.productionMode,
        },
      ],
    },
    {
      title: "Layout stability (puppeteer, Lighthouse's mobile viewport, unthrottled)",
      about: `CLS from a PerformanceObserver for layout-shift, counted as Lighthouse does (the largest session window), from navigation until ${r.pageChecks.settleMs / 1000} s after the offline status says the edition is saved. The worst of ${r.pageChecks.layoutShift.edition.clsOfEachVisit.length} visits, each in a fresh browser context; every visit's CLS in brackets.`,
      rows: [
        {
          label: 'CLS, no stored settings',
          edition: cls(r.pageChecks.layoutShift.edition),
          floor: cls(r.pageChecks.layoutShift.floor),
          target: '0',
          met: r.pageChecks.layoutShift.edition.cls === 0,
        },
        {
          label: `CLS, stored settings ${JSON.stringify(r.pageChecks.layoutShift.storedSettings.settings)}`,
          edition: cls(r.pageChecks.layoutShift.storedSettings),
          floor: '',
          target: '0',
          met: r.pageChecks.layoutShift.storedSettings.cls === 0,
        },
      ],
    },
    {
      title: 'Time to speech (speech-dispatcher and espeak-ng), and to recorded audio',
      about: `Median of ${r.speech.edition.runs.length} presses each, alternating, each in a fresh browser context, from the click reaching the page (performance.now() in a capture-phase listener) to the first utterance's start event. Both wait until voices are listed, then ${r.speech.settleMs} ms, before the press. The first sentence: “${r.speech.sentence}”.${r.recorded ? ` Recorded audio: median of ${r.recorded.runs.length} presses with the audio edition chosen, each a first use in a fresh browser context (the player's code, the cues and the MP3 load after the press), from the click to the media element's playing event.` : ''}${listen && listen.date !== r.date ? ` Recorded audio and Listen → recording run alone on ${listen.date.slice(0, 16).replace('T', ', ')} (\`--only recorded\`).` : ''}${listen ? ` Listen → recording: ${listen.voices.runs.length} presses each with nothing chosen (so "auto" decides), alternating between a browser with speech-dispatcher's espeak-ng voices, listed ${r.speech.settleMs} ms before the press (only poor voices: "auto" is the recording), and one with no speech engine behind its API (no voices), each pressed as long after its page's load as the press with voices before it (a median ${ms(median(listen.noVoices.runs.map((run) => run.agedMs ?? NaN)))}), so the two differ in the voices only.` : ''}`,
      rows: [
        {
          label: 'press → speech starts',
          edition: ms(r.speech.edition.medianMs),
          floor: ms(r.speech.floor.medianMs),
          ratio: ratio(r.speech.edition.medianMs, r.speech.floor.medianMs),
          target: '≤ floor + 100 ms',
          met: speechGap <= 100,
        },
        {
          label: "press → speak() called (the player's own work)",
          edition: ms(r.speech.edition.medianToSpeakMs),
          floor: ms(r.speech.floor.medianToSpeakMs),
        },
        { label: 'voice', edition: r.speech.edition.runs[0]?.voice ?? '', floor: r.speech.floor.runs[0]?.voice ?? '' },
        ...(r.recorded
          ? [
              {
                label: 'recorded audio: press → playing',
                edition: `${ms(r.recorded.medianMs)} (${r.recorded.runs.map((run) => Math.round(run.ms)).join(', ')})`,
              },
              {
                label: "recorded audio: press → play() called (the player's own work)",
                edition: ms(r.recorded.medianToPlayMs),
              },
            ]
          : []),
        ...(listen
          ? [
              {
                label: 'Listen → recording playing, with device voices',
                edition: `${ms(listen.voices.medianMs)} (${listen.voices.runs.map((run) => Math.round(run.ms)).join(', ')})`,
              },
              {
                label: 'Listen → recording playing with no device voices',
                edition: `${ms(listen.noVoices.medianMs)} (${listen.noVoices.runs.map((run) => Math.round(run.ms)).join(', ')})`,
                target: '≤ with voices + 50 ms',
                met: listenGap <= 50,
              },
            ]
          : []),
      ],
    },
    ...(r.audioRender ? [audioRenderArea(r.audioRender)] : []),
    ...(r.books ? [booksArea(r.books)] : []),
    {
      title: "Opened on first use (puppeteer, Lighthouse's mobile viewport, unthrottled)",
      about: `Median of ${r.firstUse.settings.runs.length} first visits each, in fresh browser contexts, timed once the page says it is saved for offline: from the click reaching the page (a capture-phase listener) to the first frame that shows what it opened; in brackets, each run, and the median from the press itself (pointerdown, on which the player starts loading its code: a real tap gives that 50–150 ms, the bench's a few). The player's speech code is precached then but not yet loaded, so the press loads it through the worker; Listen uses a stand-in engine whose voice starts at once (the time to speech above uses the real one).`,
      // Object.keys is typed string[]; these are OPENINGS' own keys.
      rows: (Object.keys(OPENINGS) as OpeningName[]).map((name) => {
        const { medianMs, fromPressMs, runs } = r.firstUse[name];
        const loaded = [
          ...new Set(
            runs.flatMap((run) =>
              run.loaded.map(
                (c) => `${c.url.split('/').pop()}${c.fromWorker ? ' (from the worker)' : ' (from the network)'}`,
              ),
            ),
          ),
        ];
        return {
          label: `${OPENINGS[name].label}${loaded.length ? `, loading ${loaded.join(', ')}` : ''}`,
          edition: `${ms(medianMs)} (${runs.map((run) => Math.round(run.ms)).join(', ')}; from the press ${ms(fromPressMs)})`,
          target: '≤ 100 ms',
          met: medianMs <= 100,
        };
      }),
    },
    {
      title: 'Offline first visit (puppeteer, fresh profile, unthrottled)',
      about: `Median of ${r.offline.runs.length} visits. Bytes: every response the server sent during the visit (compressed bodies), which is every request the page and its service worker made; the CDP figures (encodedDataLength, headers included) are the page target's and the service worker target's network events, without responses the worker answered from its cache. sw.js itself shows only in the server's count.`,
      rows: [
        { label: 'navigation → "Available offline."', edition: ms(r.offline.medianAvailableMs) },
        {
          label: 'bytes sent by the server (page and worker)',
          edition: kb(r.offline.medianServedBytes),
          target: '≤ 100 KB',
          met: r.offline.medianServedBytes <= 100 * 1024,
        },
        { label: 'bytes received, CDP: page', edition: kb(r.offline.runs[0].cdpPageBytes) },
        { label: 'bytes received, CDP: service worker', edition: kb(r.offline.runs[0].cdpWorkerBytes) },
        { label: 'requests the server answered', edition: String(r.offline.runs[0].served.length) },
      ],
    },
    ...(r.archive ? [archiveArea(r.archive)] : []),
    ...(r.longArticle ? longArticleAreas(r.longArticle) : []),
  ];
}

/** Every row with a target, flat, for results.json. */
export function targets(r: BenchResults): Target[] {
  return areas(r).flatMap((area) =>
    area.rows.filter((row) => row.met !== undefined).map((row) => ({ area: area.title, ...row })),
  );
}

/** Each article's book as the build wrote it (the build report's figures): all but its pictures and narration within budget. */
function booksArea(books: BookFigures[]): Area {
  return {
    title: 'The accessible books',
    about: `Each article's EPUB as the normal build writes it (docs/book.md), weighed from its container's directory: the whole file, its pictures and its narration (the site's own MP3, byte for byte, stored), and the rest (the text, navigation, Media Overlay, lexicon and the container's own bytes), in decimal units as the page gives a download's size, which is to stay under ${fileSize(BOOK_TEXT_BUDGET)}.`,
    rows: books.map((book) => ({
      label: `${book.file}: all but pictures and narration`,
      edition: `${fileSize(book.rest)} (the book ${fileSize(book.bytes)}: pictures ${book.pictures ? fileSize(book.pictures) : 'none'}, narration ${book.narration ? fileSize(book.narration) : 'none'})`,
      target: `≤ ${fileSize(BOOK_TEXT_BUDGET)}`,
      met: book.rest <= BOOK_TEXT_BUDGET,
    })),
  };
}

/** RESULTS.md; `file` is the existing one, whose hand-written notes are kept. */
export function markdown(r: BenchResults, file: string): string {
  const m = r.machine;
  const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|');
  const table = (rows: Row[]) =>
    [
      '| | edition | floor | edition/floor | target | met? |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map(
        (row) =>
          `| ${cell(row.label)} | ${cell(row.edition)} | ${cell(row.floor)} | ${cell(row.ratio)} | ${cell(row.target)} | ${row.met === undefined ? '' : row.met ? 'yes' : '**no**'} |`,
      ),
    ].join('\n');
  const missed = targets(r).filter((t) => !t.met);
  const lh = r.lighthouse;
  const notes =
    existsSync(file) && readFileSync(file, 'utf8').includes(NOTES_MARK)
      ? readFileSync(file, 'utf8').split(NOTES_MARK)[1].trim()
      : '';
  return `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on ${r.date}. The edition (\`dist/\`, the normal build) and the
floor (the same article as bare HTML: no CSS, script or font) were served side by side by one
local Node server on 127.0.0.1, compressed with Brotli (gzip for clients without it).

Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGB} GB memory; ${m.chromium}; Node ${m.node}; Lighthouse ${m.lighthouse}.
Load average when the run started: ${m.loadAverage.start.join(', ')}; when it ended: ${m.loadAverage.end.join(', ')} (the machine is shared,
so timings carry noise: compare edition and floor, which ran alternately, more than absolute figures).
The run took ${Math.round(r.durationSeconds)} s.

**Targets missed: ${missed.length} of ${targets(r).length}.**${missed.length ? `\n\n${missed.map((t) => `- ${t.label}: ${t.edition} (target ${t.target})`).join('\n')}` : ''}

${areas(r)
  .map((area) => `## ${area.title}\n\n${area.about}\n\n${table(area.rows)}`)
  .join('\n\n')}

## Details from this run

- Lighthouse audits that cost the edition points (in any run): ${lh.edition.failedAudits.join('; ') || 'none'}.
- Lighthouse audits that cost the floor points: ${lh.floor.failedAudits.join('; ') || 'none'}.
- Lighthouse diagnostics that could not run: ${lh.erroredAudits.join(', ') || 'none'}.
- Each Lighthouse run, in order (FCP, LCP, TBT; the 1-minute load average after it): ${lh.edition.runs.map((run, i) => `edition ${eachRun(run)}, floor ${eachRun(lh.floor.runs[i])}`).join('; ')}.
- The edition's requests in Lighthouse's first run: ${lh.edition.runs[0].requestList.join('; ')}.
- Layout shifts in the worst visit, no stored settings: ${describeShifts(r.pageChecks.layoutShift.edition.shifts)}
- Layout shifts in the worst visit, stored settings: ${describeShifts(r.pageChecks.layoutShift.storedSettings.shifts)}
- LCP element (puppeteer, last candidate): ${lastPaint(r.pageChecks.layoutShift.edition.lcpCandidates)}; floor: ${lastPaint(r.pageChecks.layoutShift.floor.lcpCandidates)}.
- Console of the built page: ${r.production.consoleMessages.join('; ') || 'empty'}.
- What the server sent on one offline first visit: ${r.offline.runs[0].served.join('; ')}.

${NOTES_MARK}

${notes}
`;
}

function eachRun({ metrics, loadAverage }: Pick<LighthouseRun, 'metrics'> & { loadAverage?: number }): string {
  return `${ms(metrics.fcp)}, ${ms(metrics.lcp)}, ${ms(metrics.tbt)} (load ${loadAverage ?? 'n/a'})`;
}

function describeShifts(shifts: Shift[]): string {
  return shifts.length === 0
    ? 'none.'
    : shifts.map((s) => `at ${s.at} ms, ${s.value.toFixed(3)} (${s.moved.join(', ')})`).join('; ') + '.';
}

function lastPaint(paints: Paint[]): string {
  const last = paints.at(-1);
  return last ? `${last.element} at ${last.at} ms` : 'none';
}
