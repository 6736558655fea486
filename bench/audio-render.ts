// The audio edition at build time: the normal build (buildSite()) run twice into a scratch
// folder with an audio cache of its own, first empty, so every article's audio is rendered
// cold, then again with nothing changed, which must take it from the cache. The render time is
// the one the build measures around synthesis and encoding (kept in the cache beside the MP3);
// the files' size and length are the built page's own metadata. The reader's usual cache is
// never touched. Run alone with `npx tsx bench/audio-render.ts [ARTICLES_DIR]`.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../generator/build-site.ts';
import type { Area } from './report.ts';

/** One article's entry in the audio cache. */
interface CachedRender {
  /** Its folder's name: the page, then the render's key. */
  entry: string;
  /** Synthesis and encoding, as the build timed them. */
  renderSeconds: number;
  /** The programme's length. */
  seconds: number;
  /** timeline.json's identity: a new render writes a new one. */
  file: { ino: number; mtimeMs: number };
}

/** One article's audio as its built page describes it. */
interface Edition {
  page: string;
  /** The MP3, tags included. */
  bytes: number;
  /** Its duration as decoded. */
  seconds: number;
  voice: string;
}

export interface AudioRenderResults {
  /** The whole build with an empty audio cache. */
  coldBuildSeconds: number;
  /** The audio's synthesis and encoding in that build, all articles. */
  renderSeconds: number;
  /** The whole build again, nothing changed. */
  warmBuildSeconds: number;
  /** Cache entries the unchanged rebuild rendered anew (none expected). */
  rerendered: string[];
  editions: Edition[];
  /** The machine's 1-minute load average after each build (it is shared). */
  loadAverage: number[];
}

export interface AudioRenderOptions {
  /** A folder of article sources; the seed's by default. */
  articles?: string;
  log?: (message: string) => void;
}

/**
 * Both builds run in this process (buildSite()), as bench/run.ts's own build of dist/ does
 * before them: their times leave out starting Node and loading the build's code.
 */
export async function audioRender({ articles, log = () => {} }: AudioRenderOptions = {}): Promise<AudioRenderResults> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'reader-edition-bench-audio-'));
  const cache = path.join(scratch, 'audio-cache');
  const out = path.join(scratch, 'site');
  const build = async () => {
    const started = performance.now();
    await buildSite({ out, audioCache: cache, articles });
    return (performance.now() - started) / 1000;
  };
  try {
    log('audio: building with an empty audio cache (every article rendered)');
    const coldBuildSeconds = await build();
    const loadAverage = [loadavg()[0]];
    const cold = await cachedRenders(cache);
    if (cold.length === 0)
      throw new Error("the build rendered no audio edition: is a voice installed for the articles' language?");
    log(
      `audio: rendered in ${cold.reduce((sum, r) => sum + r.renderSeconds, 0).toFixed(1)} s; rebuilding with nothing changed`,
    );
    const warmBuildSeconds = await build();
    loadAverage.push(loadavg()[0]);
    const warm = await cachedRenders(cache);
    const same = (a: CachedRender) =>
      warm.some((b) => b.entry === a.entry && b.file.ino === a.file.ino && b.file.mtimeMs === a.file.mtimeMs);
    return {
      coldBuildSeconds,
      renderSeconds: cold.reduce((sum, r) => sum + r.renderSeconds, 0),
      warmBuildSeconds,
      rerendered: [
        ...cold.filter((r) => !same(r)).map((r) => r.entry),
        ...warm.filter((b) => !cold.some((a) => a.entry === b.entry)).map((b) => b.entry),
      ],
      editions: await builtEditions(out),
      loadAverage: loadAverage.map((n) => Number(n.toFixed(2))),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What timeline.json in a cache entry holds, of what is read here (generator/audio/render-cache.ts). */
interface CachedTimeline {
  renderSeconds: number;
  samples: number;
  sampleRate: number;
}

/** The `audio-edition` data block of a built page, of what is read here (generator/audio/page-audio.ts). */
interface PageAudioData {
  src: string;
  bytes: number;
  seconds: number;
  voice: string;
}

/**
 * What the audio cache holds (generator/audio/render-cache.ts: a folder per render, holding
 * audio.mp3 and timeline.json).
 */
async function cachedRenders(dir: string): Promise<CachedRender[]> {
  const entries = (await readdir(dir).catch(() => [])).filter((name) => !name.includes('.partial-'));
  return Promise.all(
    entries.map(async (entry) => {
      const file = path.join(dir, entry, 'timeline.json');
      const timeline = JSON.parse(await readFile(file, 'utf8')) as CachedTimeline;
      const { ino, mtimeMs } = await stat(file);
      return {
        entry,
        renderSeconds: timeline.renderSeconds,
        seconds: timeline.samples / timeline.sampleRate,
        file: { ino, mtimeMs },
      };
    }),
  );
}

/** Each built page's audio edition, from its `audio-edition` data block (generator/audio/page-audio.ts). */
async function builtEditions(out: string): Promise<Edition[]> {
  const pages = (await readdir(out)).filter((name) => name.endsWith('.html')).sort();
  const editions: Edition[] = [];
  for (const page of pages) {
    const data = /<script type="application\/json" id="audio-edition">([\s\S]*?)<\/script>/.exec(
      await readFile(path.join(out, page), 'utf8'),
    )?.[1];
    if (!data) continue;
    const audio = JSON.parse(data) as PageAudioData;
    const bytes = (await stat(path.join(out, new URL(audio.src, 'file:///').pathname))).size;
    if (bytes !== audio.bytes) throw new Error(`${page} says its MP3 has ${audio.bytes} bytes; the file has ${bytes}`);
    editions.push({ page, bytes, seconds: audio.seconds, voice: audio.voice });
  }
  return editions;
}

/** The report's table for these results (bench/report.ts), beside the time to recorded audio. */
export function audioRenderArea(a: AudioRenderResults): Area {
  const clock = (seconds: number) =>
    `${Math.floor(Math.round(seconds) / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`;
  const total = (key: 'bytes' | 'seconds') => a.editions.reduce((sum, e) => sum + e[key], 0);
  const seconds = total('seconds');
  return {
    title: 'The audio edition at build time',
    about: `The normal build, run twice into a scratch folder with an audio cache of its own: first empty, so the audio of every article (${a.editions.map((e) => e.page).join(', ')}) is synthesized and encoded cold, then again with nothing changed, which must take it from the cache. Render time is what the build measures around synthesis and encoding (the build's speech engine and MP3 encoder); build times are the whole build's, in the bench's own process. Sizes and durations are the built pages' metadata (the MP3 with its tags; the duration as decoded). Load average after each build: ${a.loadAverage.join(', ')}.`,
    rows: [
      {
        label: 'audio render, cold (synthesis and encoding)',
        edition: `${a.renderSeconds.toFixed(1)} s for ${clock(seconds)} of speech (${(seconds / a.renderSeconds).toFixed(0)}× real time, ${[...new Set(a.editions.map((e) => e.voice))].join(', ')})`,
      },
      { label: 'build with an empty audio cache', edition: `${a.coldBuildSeconds.toFixed(1)} s` },
      { label: 'rebuild with nothing changed', edition: `${a.warmBuildSeconds.toFixed(1)} s` },
      {
        label: 'audio rendered again by the unchanged rebuild',
        edition: a.rerendered.length ? a.rerendered.join(', ') : 'none',
        target: 'none',
        met: a.rerendered.length === 0,
      },
      ...a.editions.map((e) => ({
        label: `MP3 of ${e.page}: size, duration`,
        edition: `${(e.bytes / 1e6).toFixed(2)} MB, ${clock(e.seconds)}`,
      })),
      {
        label: 'MP3 bytes a minute of speech',
        edition: `${(total('bytes') / (seconds / 60) / 1e3).toFixed(0)} KB a minute (${((total('bytes') * 8) / seconds / 1e3).toFixed(1)} kbps, tags included)`,
      },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const results = await audioRender({
    articles: process.argv[2],
    log: (message) => console.log(`[${Math.round((Date.now() - started) / 1000)}s] ${message}`),
  });
  console.log(JSON.stringify(results, null, 2));
  const area = audioRenderArea(results);
  for (const row of area.rows)
    console.log(
      `${row.label}: ${row.edition}${row.target ? ` (target ${row.target}: ${row.met ? 'met' : 'MISSED'})` : ''}`,
    );
}
