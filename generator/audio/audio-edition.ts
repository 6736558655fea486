// The audio edition of one article page: its spoken script (the live player's own), said one
// sentence at a time by the build's speech engine, joined with pauses, encoded as MP3 with
// chapter tags, and written beside cue and chapter WebVTT files, all under content-hashed names.
// Unchanged articles come from the render cache instead of the engine.
import { contentHash } from '../content-hash.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SitePage } from '../site.ts';
import type { SpeechEngine } from './engine.ts';
import { spokenScript, type WrittenRange } from './spoken-script.ts';
import { PAUSES, programme, type Pause, type Span } from './timeline.ts';
import { mp3Encoder } from './mp3.ts';
import { withTags } from './id3.ts';
import { webvtt, type Cue } from './webvtt.ts';
import { cacheKey, DEFAULT_CACHE_DIR, readRender, writeRender } from './render-cache.ts';

/** Where the files go, under the output folder: hashed names, so they may be cached for a year. */
export const AUDIO_DIR = 'assets/audio';

/** Mono MP3 at the engine's own rate; 32 kbps is ample for one synthetic voice at 16 kHz. */
export const MP3_KBPS = 32;

/** The code whose output is cached (read as text, beside this file): a change to any of these renders anew. */
const RENDER_CODE = ['timeline.ts', 'mp3.ts'];

export interface AudioEdition {
  /** The article's page, e.g. "index.html". */
  page: string;
  /** Path under the output folder. */
  mp3: string;
  /** WebVTT, one cue per sentence. */
  cues: string;
  /** WebVTT, one cue per section. */
  chapters: string;
  /** The MP3's size. */
  bytes: number;
  /** Its duration as decoded (delay and padding trimmed). */
  seconds: number;
  cueList: Cue[];
  /** Where each cue's sentence is written in the article, cue by cue: what the book's narration points at (docs/book.md). */
  ranges: WrittenRange[];
  chapterList: Cue[];
  voice: string;
  /** False when it came from the cache. */
  rendered: boolean;
  /** How long synthesis and encoding took (when it was rendered). */
  renderSeconds: number;
  /** Each sentence the engine says only in part, as the page shows it, and what it leaves silent. */
  unsayable: { written: string; silent: string[] }[];
}

interface AudioOptions {
  page: SitePage;
  /** The page as served, whose article is read. */
  html: string;
  /** The output folder. */
  out: string;
  engine: SpeechEngine;
  /** The edition's name, for the tags. */
  album: string;
  cacheDir?: string;
  log?: (message: string) => void;
}

/** The edition, or why there is none. */
export async function renderAudioEdition({
  page,
  html,
  out,
  engine,
  album,
  cacheDir = DEFAULT_CACHE_DIR,
  log = console.log,
}: AudioOptions): Promise<AudioEdition | { page: string; skipped: string }> {
  const script = await spokenScript(html, page.lexicon);
  const voice = engine.voiceFor(script.lang);
  if (!voice)
    return {
      page: page.page,
      skipped: `no installed voice speaks "${script.lang}" (${engine.voices.map((v) => `${v.name}: ${v.lang}`).join(', ')})`,
    };
  if (script.sentences.length === 0) return { page: page.page, skipped: 'the article has nothing to read aloud' };

  const pauses = script.sentences.map((sentence, i): Pause | undefined => {
    const next = script.sentences[i + 1];
    if (!next) return undefined;
    return next.section !== sentence.section ? 'section' : next.block !== sentence.block ? 'block' : 'sentence';
  });
  const code = await Promise.all(RENDER_CODE.map((file) => readFile(new URL(file, import.meta.url), 'utf8')));
  const key = cacheKey({
    engine: engine.id,
    lang: script.lang,
    sentences: script.sentences.map((s, i) => [s.text, pauses[i]]),
    pauses: PAUSES,
    kbps: MP3_KBPS,
    code,
  });

  let render = await readRender(cacheDir, page.page, key);
  const rendered = !render;
  if (!render) {
    log(`audio: ${page.page}: rendering ${script.sentences.length} sentences with ${voice.name}…`);
    const started = performance.now();
    // Asked all at once, so the engine can spread them over what it has (Flite: a process per
    // core); taken in order, so each is encoded while later ones are still being said.
    const speech = script.sentences.map((sentence) => engine.synthesize(sentence.text, { lang: script.lang }));
    for (const said of speech) said.catch(() => {}); // each failure is thrown below, in its turn
    const { sampleRate } = await speech[0];
    const encoder = mp3Encoder({ sampleRate, kbps: MP3_KBPS });
    const joined = programme(sampleRate, (samples) => encoder.encode(samples));
    const spans: Span[] = [];
    for (const [i, said] of speech.entries()) {
      const clip = await said;
      if (clip.sampleRate !== sampleRate) throw new Error(`${engine.id} changed its sample rate mid-article`);
      spans.push(joined.add(clip.samples, pauses[i]));
    }
    const mp3 = encoder.finish();
    render = {
      mp3,
      timeline: { sampleRate, samples: joined.length, spans, renderSeconds: (performance.now() - started) / 1000 },
    };
    await writeRender(cacheDir, page.page, key, render);
  }

  const { sampleRate, samples, spans, renderSeconds } = render.timeline;
  const seconds = samples / sampleRate;
  const cueList: Cue[] = script.sentences.map((sentence, i) => ({
    id: `s${i + 1}`,
    start: spans[i].start / sampleRate,
    end: spans[i].end / sampleRate,
    text: sentence.text,
  }));
  // A chapter runs from its first sentence to the next chapter's first sentence (the pause
  // before a section belongs to the one it ends); the first starts at 0 and the last runs to the end.
  const chapterList: Cue[] = script.sections.map((section, i) => {
    const next = script.sections[i + 1];
    return {
      id: `c${i + 1}`,
      start: i === 0 ? 0 : cueList[section.first].start,
      end: next ? cueList[next.first].start : seconds,
      text: section.title,
    };
  });

  const { meta } = page.article;
  const base = page.page.replace(/\.html$/, '');
  // An article may have no author (none in its front matter or the site's settings).
  const note = `${meta.title}${meta.author ? `, by ${meta.author}` : ''}: the audio edition's`;
  const files = {
    mp3: withTags(render.mp3, {
      title: meta.title,
      author: meta.author,
      album,
      description: meta.description,
      chapters: chapterList.map((c) => ({ title: c.text, start: c.start, end: c.end })),
    }),
    cues: webvtt(cueList, `${note} sentences, as spoken (one cue per sentence of the read-aloud script).`),
    chapters: webvtt(chapterList, `${note} chapters (one cue per section).`),
  };
  await mkdir(path.join(out, AUDIO_DIR), { recursive: true });
  const written = { mp3: '', cues: '', chapters: '' };
  for (const kind of ['mp3', 'cues', 'chapters'] as const) {
    const body = files[kind];
    const name = `${base}${kind === 'chapters' ? '-chapters' : ''}-${contentHash(body)}.${kind === 'mp3' ? 'mp3' : 'vtt'}`;
    written[kind] = `${AUDIO_DIR}/${name}`;
    await writeFile(path.join(out, AUDIO_DIR, name), body);
  }

  return {
    page: page.page,
    ...written,
    bytes: files.mp3.length,
    seconds,
    cueList,
    ranges: script.sentences.map((sentence) => sentence.range),
    chapterList,
    voice: voice.name,
    rendered,
    renderSeconds,
    unsayable: script.sentences.flatMap((sentence) => {
      const silent = engine.cannotSay?.(sentence.text) ?? [];
      return silent.length ? [{ written: sentence.written, silent }] : [];
    }),
  };
}
