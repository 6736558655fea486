// The build's audio step, for the whole site: an audio edition per article that a voice can
// speak, the podcast feed when the site's base URL is known, and the lines of the build report.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SitePage } from '../site.ts';
import { DEFAULT_FEED_EPISODES, type SiteConfig } from '../site-config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { dateInstant } from '../article/dates.ts';
import { AUDIO_DIR, MP3_KBPS, renderAudioEdition, type AudioEdition } from './audio-edition.ts';
import { defaultEngine, type SpeechEngine } from './engine.ts';
import { CHAPTERS_DIR, jsonChapters } from './json-chapters.ts';
import { podcastCover, podcastFeed, publisherCover, type FeedChannel } from './podcast-feed.ts';

/** The feed's file, at the site's root. */
export const FEED_FILE = 'feed.xml';

/** Where the site's base URL may come from, besides `--base-url`. */
const BASE_URL_ENV = 'SITE_BASE_URL';

interface SiteAudioOptions {
  site: SitePage[];
  out: string;
  /** The page as served, without audio. */
  pageHtml: (page: SitePage) => string;
  /** The edition's name, for the tags. */
  album: string;
  /** The build's own (Flite) when not given. */
  engine?: SpeechEngine;
  cacheDir?: string;
  /** Where progress lines go (the command prints them). */
  log: (line: string) => void;
}

/**
 * Renders the audio edition of every article whose language the engine speaks, and says
 * which have none and why. The editions are keyed by page.
 */
export async function renderSiteAudio({
  site,
  out,
  pageHtml,
  album,
  engine,
  cacheDir,
  log,
}: SiteAudioOptions): Promise<Map<string, AudioEdition>> {
  const speaker = engine ?? (await defaultEngine());
  const editions = new Map<string, AudioEdition>();
  try {
    for (const page of site) {
      const result = await renderAudioEdition({
        page,
        html: pageHtml(page),
        out,
        engine: speaker,
        album,
        cacheDir,
        log,
      });
      if ('skipped' in result) log(`audio: ${page.page}: no audio edition: ${result.skipped}`);
      else editions.set(page.page, result);
    }
  } finally {
    // The engine the build made is the build's to close; one passed in is its owner's.
    if (!engine) await speaker.close?.();
  }
  return editions;
}

/**
 * The site's absolute base URL, ending in "/", from `--base-url` or the environment; undefined
 * when neither gives one.
 */
export function siteBaseUrl(option: string | undefined): string | undefined {
  const given = option ?? process.env[BASE_URL_ENV];
  if (!given) return undefined;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`the base URL "${given}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`the base URL "${given}" must be http(s)`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

interface FeedOptions {
  site: SitePage[];
  editions: Map<string, AudioEdition>;
  /** The site's settings: its `[podcast]` table, and the site's own title, description, language, author. */
  config: SiteConfig;
  /** The settings file, or where it would be: what the warnings about a missing setting name. */
  settings: string;
  /** The channel's title and description where the settings give none. */
  title: string;
  description?: string;
  out: string;
  /** From siteBaseUrl. */
  baseUrl: string | undefined;
  /** Where progress lines go (the command prints them). */
  log: (line: string) => void;
  /** What a podcast app would refuse or miss in the feed. */
  warn: (warning: Diagnostic) => void;
}

/** What the feed step wrote: each episode's JSON chapters file, under the output folder, by page. */
export interface FeedWritten {
  chapters: Map<string, string>;
}

/**
 * Writes feed.xml and its cover, one item per audio edition, with each episode's JSON chapters,
 * or says why there is none. The channel is the site's (its settings), each item its own article's.
 */
export async function writePodcastFeed({
  site,
  editions,
  config,
  settings,
  title,
  description,
  out,
  baseUrl,
  log,
  warn,
}: FeedOptions): Promise<FeedWritten | undefined> {
  if (!baseUrl) {
    log(`audio: no podcast feed: it needs the site's absolute address (--base-url URL, or ${BASE_URL_ENV})`);
    return undefined;
  }
  if (editions.size === 0) {
    log('audio: no podcast feed: no article has an audio edition');
    return undefined;
  }
  const absolute = (file: string) => new URL(file, baseUrl).href;
  const podcast = config.podcast;
  const cover = podcast?.image ? await publisherCover(podcast.image) : { body: await podcastCover(), ext: 'png' };
  const coverFile = `${AUDIO_DIR}/cover-${createHash('sha256').update(cover.body).digest('hex').slice(0, 8).toUpperCase()}.${cover.ext}`;
  await writeFile(path.join(out, coverFile), cover.body);

  const podcastName = podcast?.title ?? title;
  const episodes = site.filter((page) => editions.has(page.page));
  const items = await Promise.all(
    episodes.map(async (page) => {
      const edition = editions.get(page.page)!; // filtered for above
      const { meta } = page.article;
      // Named by its content, as the edition's other files are; written below if the feed keeps the episode.
      const chapters = jsonChapters({
        title: meta.title,
        author: meta.author,
        podcastName,
        mp3: edition.mp3,
        chapters: edition.chapterList,
      });
      const chaptersFile = `${CHAPTERS_DIR}/${page.page.replace(/\.html$/, '')}-${createHash('sha256').update(chapters).digest('hex').slice(0, 8).toUpperCase()}.json`;
      return {
        page: page.page,
        chaptersBody: chapters,
        chaptersFile,
        chapters: absolute(chaptersFile),
        title: meta.title,
        description: meta.description,
        link: absolute(page.page === 'index.html' ? './' : page.page),
        published: await publicationDate(page),
        authors: meta.authors,
        author: meta.author,
        language: meta.lang,
        audio: absolute(edition.mp3),
        bytes: (await stat(path.join(out, edition.mp3))).size,
        seconds: edition.seconds,
        transcript: absolute(edition.cues),
      };
    }),
  );
  items.sort((a, b) => b.published.getTime() - a.published.getTime());
  // The newest only: a feed of every episode grows with the site, and apps fetch it again and again.
  const editionCount = items.length;
  items.splice(podcast?.episodes ?? DEFAULT_FEED_EPISODES);
  const written: FeedWritten = { chapters: new Map() };
  await mkdir(path.join(out, CHAPTERS_DIR), { recursive: true });
  for (const item of items) {
    await writeFile(path.join(out, item.chaptersFile), item.chaptersBody);
    written.chapters.set(item.page, item.chaptersFile);
  }

  // The show's author: as set, else the one every episode shares; no article speaks for the others.
  const authors = new Set(items.map((item) => item.author));
  const shared = authors.size === 1 ? [...authors][0] : undefined;
  const author = podcast?.author ?? config.author ?? shared;
  const channel: FeedChannel = {
    title: podcastName,
    link: baseUrl,
    feedUrl: absolute(FEED_FILE),
    description: podcast?.description ?? config.description ?? description ?? title,
    language: podcast?.language ?? config.language,
    author: author ?? podcast?.publisher,
    owner: podcast?.ownerEmail
      ? { name: podcast.ownerName ?? author ?? podcast.publisher, email: podcast.ownerEmail }
      : undefined,
    publisher: podcast?.publisher,
    image: absolute(coverFile),
    category: podcast?.category,
    subcategory: podcast?.subcategory,
    explicit: podcast?.explicit ?? false,
  };
  await writeFile(path.join(out, FEED_FILE), podcastFeed(channel, items));
  const newest = items.length < editionCount ? `, the newest of ${editionCount}` : '';
  log(
    `audio: ${FEED_FILE}: ${items.length} episode${items.length === 1 ? '' : 's'}${newest}, at ${absolute(FEED_FILE)}`,
  );
  for (const item of items) log(`  ${item.chaptersFile}: the chapters of ${item.link} (podcast:chapters)`);

  // What Apple Podcasts requires or directories rely on, and the settings did not give.
  const missing = (message: string) =>
    warn({
      file: podcast?.file ?? settings,
      line: podcast?.line ?? 1,
      severity: 'warning',
      rule: 'podcast-feed',
      message,
    });
  const table = podcast ? 'under [podcast]' : 'in a [podcast] table';
  if (!channel.category)
    missing(
      `the podcast feed has no category, which Apple Podcasts requires: add category = "…" ${table}, one of Apple's (such as "Education", "Technology", "Society & Culture")`,
    );
  if (!channel.owner)
    missing(
      `the podcast feed names no owner email, by which Apple Podcasts and other directories confirm who owns a podcast: add owner_email = "…" ${table}`,
    );
  if (channel.description === channel.title)
    missing(
      `the podcast feed has no description, which Apple Podcasts requires, so it repeats the title: add description = "…" to the settings or ${table}`,
    );
  return written;
}

/**
 * When an article was published: its front matter's `date`, else when its source was first
 * committed, else when the file was last changed (a source outside git).
 */
async function publicationDate(page: SitePage): Promise<Date> {
  const given = page.article.meta.date;
  if (given !== undefined) {
    // As written: its own offset, else UTC, never the machine's time zone.
    const date = new Date(dateInstant(given));
    if (!Number.isNaN(date.getTime())) return date;
  }
  try {
    const { stdout } = await promisify(execFile)('git', [
      'log',
      '--diff-filter=A',
      '--follow',
      '--format=%aI',
      '--',
      page.file,
    ]);
    const first = stdout.trim().split('\n').pop();
    if (first) return new Date(first);
  } catch {
    // Not a git checkout, or no git: the file's own date will do.
  }
  return (await stat(page.file)).mtime;
}

/**
 * The build report's lines for the audio editions: where, how big, how long, and what
 * rendering cost (or that it came from the cache).
 */
export function audioReport(editions: Map<string, AudioEdition>): string[] {
  const lines: string[] = [];
  for (const e of editions.values()) {
    const minutes = e.seconds / 60;
    lines.push(
      `  ${e.mp3.padEnd(36)} ${(e.bytes / 1e6).toFixed(2).padStart(6)} MB, ${clock(e.seconds)}, ${Math.round(e.bytes / minutes / 1000)} KB a minute (${MP3_KBPS} kbps mono), ${e.cueList.length} cues, ${e.chapterList.length} chapters`,
      `  ${''.padEnd(36)} ${e.rendered ? 'rendered' : 'from the cache (rendered'} in ${e.renderSeconds.toFixed(1)} s with ${e.voice}, ${(e.seconds / e.renderSeconds).toFixed(0)}× real time${e.rendered ? '' : ')'}`,
    );
  }
  const bytes = [...editions.values()].reduce((n, e) => n + e.bytes, 0);
  lines.push(
    `audio: ${editions.size} audio edition${editions.size === 1 ? '' : 's'}, ${(bytes / 1e6).toFixed(2)} MB, not precached (downloaded when played)`,
  );
  return lines;
}

const clock = (seconds: number): string => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
