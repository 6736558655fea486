// What the page says about its audio edition: a data block for the player (the MP3, its cue
// and chapter tracks, size and duration) and schema.org's AudioObject in the JSON-LD, so
// search engines and readers' tools see the audio, its size and its length.
import { escapeHtml } from '../escape.ts';
import { fileSize } from '../../src/file-size.ts';
import { editionLanguage, wordsFor } from '../../src/words/tables.ts';
import type { AudioEdition } from './audio-edition.ts';

/** The page's data block for the player (read as PageAudio in src/speech/recorded-session.ts). */
export interface PageAudio {
  /** The MP3's URL, relative to the page. */
  src: string;
  type: 'audio/mpeg';
  bytes: number;
  /** As decoded. */
  seconds: number;
  /** WebVTT, one cue per sentence of the read-aloud script. */
  cues: string;
  /** WebVTT, one cue per section. */
  chapters: string;
  /** The voice that read it, for the player's source choice. */
  voice: string;
  /** The file name a download is saved under: the article's slug. */
  download: string;
}

/** The edition as the page gives it; `slug` is the article's, for the downloaded file's name. */
export const pageAudio = (edition: AudioEdition, slug: string): PageAudio => ({
  src: `./${edition.mp3}`,
  type: 'audio/mpeg',
  bytes: edition.bytes,
  seconds: Math.round(edition.seconds * 1000) / 1000,
  cues: `./${edition.cues}`,
  chapters: `./${edition.chapters}`,
  voice: edition.voice,
  download: `${slug}.mp3`,
});

/**
 * "Download audio (MP3, 3.2 MB, 13 min)", or "(MP3, 24 KB, 1 min)" for a short one, beside the
 * podcast feed (`feed`, its URL) where there is one: plain links the build writes, so they work
 * without JavaScript, in the edition's words for the article's language (`lang`; `mark` as the
 * page marks them). The size and length in the link's name tell a listener on a metered
 * connection what they are about to fetch.
 */
export function audioLinks(audio: PageAudio, feed: string | undefined, lang: string, mark: string): string {
  const { build, firstUse } = wordsFor(lang);
  const size = fileSize(audio.bytes, firstUse.offline, editionLanguage(lang).locale);
  const minutes = Math.max(1, Math.round(audio.seconds / 60));
  const download = `<a href="${escapeHtml(audio.src)}" download="${escapeHtml(audio.download)}" type="${audio.type}">${escapeHtml(build.downloadAudio(size, minutes))}</a>`;
  const podcast = feed
    ? ` <span aria-hidden="true">·</span> <a href="${escapeHtml(feed)}" type="application/rss+xml">${escapeHtml(build.podcastFeed)}</a>`
    : '';
  return `<p class="audio-links" data-edition${mark}>${download}${podcast}</p>`;
}

/** schema.org's AudioObject for the Article's `audio`. */
export const audioObject = (audio: PageAudio) => ({
  '@type': 'AudioObject',
  contentUrl: audio.src,
  encodingFormat: audio.type,
  contentSize: fileSize(audio.bytes),
  duration: isoDuration(audio.seconds),
  caption: { '@type': 'MediaObject', contentUrl: audio.cues, encodingFormat: 'text/vtt' },
});

/** ISO 8601, as schema.org's Duration: PT13M17S. */
const isoDuration = (seconds: number): string => {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s % 60}S`;
};
