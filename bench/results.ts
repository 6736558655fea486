// The shape of a benchmark run's results: what bench/run.ts measures, bench/report.ts turns
// into RESULTS.md, and bench/results.json keeps (with the targets, see report.ts).
import type { ArchiveResults } from './archive.ts';
import type { audioRender } from './audio-render.ts';
import type { FirstUseRun, OpeningName } from './first-use.ts';
import type { ByteGroup, LighthouseMetrics, LighthouseSummary } from './lighthouse.ts';
import type { LongArticleResults } from './long-article.ts';
import type { OfflineVisit, ScriptBytes } from './offline.ts';
import type { PageChecks } from './page-checks.ts';
import type { TimeToPlaying } from './recorded.ts';
import type { BookFigures } from '../generator/book/book-figures.ts';
import type { SpeechPress } from './speech.ts';

/** The machine the run was on (it is shared, so the load is noted). */
export interface Machine {
  nproc: number;
  memoryGB: number;
  cpu: string;
  /** Chromium's --version. */
  chromium: string;
  node: string;
  lighthouse: string;
  /** The 1-, 5- and 15-minute load averages when the run started and ended. */
  loadAverage: { start: number[]; end: number[] };
}

/** Whether Lit runs in production mode: no dev-mode text in the bundle or warning in the console. */
export interface Production {
  productionMode: boolean;
  bundleSaysDevMode: boolean;
  consoleSaysDevMode: boolean;
  consoleMessages: string[];
}

/** One Lighthouse run, with the machine's 1-minute load average after it. */
export type LighthouseRun = LighthouseSummary & { loadAverage: number };

/** One side's Lighthouse runs (edition or floor): the medians, and each run. */
export interface LighthouseSide {
  median: {
    scores: Record<string, number>;
    metrics: LighthouseMetrics;
    bytes: Record<ByteGroup | 'total', number>;
    requests: number;
  };
  /** Every audit that cost points in any run. */
  failedAudits: string[];
  runs: LighthouseRun[];
}

/** One side's presses (edition or floor) for time to speech. */
export interface SpeechSide {
  medianMs: number;
  medianToSpeakMs: number;
  /** Absent from results of older runs. */
  medianLongestTaskMs?: number;
  runs: SpeechPress[];
}

/** One opening on first use: the medians from the click and from the press, and each run. */
export interface FirstUseOpening {
  medianMs: number;
  fromPressMs: number;
  runs: FirstUseRun[];
}

export interface BenchResults {
  /** When the run started (ISO 8601). */
  date: string;
  machine: Machine;
  /** The audio edition at build time; absent from results of older runs. */
  audioRender?: Awaited<ReturnType<typeof audioRender>>;
  pageChecks: PageChecks & { settleMs: number };
  production: Production;
  lighthouse: {
    edition: LighthouseSide;
    floor: LighthouseSide;
    /** Audits that could not run, in any run of either side. */
    erroredAudits: string[];
    /** Edition over floor, of the medians. */
    ratios: { lcp: number; fcp: number; bytes: number };
  };
  speech: {
    settleMs: number;
    sentence: string;
    warmUpMs: number;
    edition: SpeechSide;
    floor: SpeechSide;
  };
  /** Time to recorded audio; absent from results of older runs. */
  recorded?: TimeToPlaying;
  /** Listen → the recording playing with nothing chosen, with voices and without; absent from results of older runs. */
  listen?: {
    /** When these and `recorded` were measured: `--only recorded` runs them apart from the rest. */
    date: string;
    voices: TimeToPlaying;
    noVoices: TimeToPlaying;
  };
  firstUse: Record<OpeningName, FirstUseOpening>;
  offline: {
    medianAvailableMs: number;
    medianServedBytes: number;
    /** The first visit's. */
    scriptBytes: ScriptBytes;
    runs: OfflineVisit[];
  };
  /** Each article's book, from the build's figures; absent from results of older runs. */
  books?: BookFigures[];
  /** A site of 1,000 articles (bench/archive.ts); absent from results of older runs. */
  archive?: ArchiveResults;
  durationSeconds: number;
  /** The 50,000-word article, which may run alone (`--only long-article`); absent from results of older runs. */
  longArticle?: LongArticleResults;
}
