// An episode's chapters as the Podcasting 2.0 namespace's JSON chapters file, which the feed's
// `podcast:chapters` links: the same sections as the edition's chapters WebVTT and the MP3's ID3
// chapters. Podcast apps that read no ID3 (and web players, which cannot) show them from here.
// The format: github.com/Podcastindex-org/podcast-namespace, docs/examples/chapters/jsonChapters.md.
import type { Cue } from './webvtt.ts';

/** Where the files go, under the output folder: a folder of their own, so a host can give them their type by one rule. */
export const CHAPTERS_DIR = 'assets/audio/chapters';

/** The type the namespace asks the file to be served with, and the tag to name. */
export const CHAPTERS_TYPE = 'application/json+chapters';

/** The version of the format written. */
export const CHAPTERS_VERSION = '1.2.0';

export interface JsonChapter {
  startTime: number;
  endTime: number;
  title: string;
}

/** The fields written: the two the format requires, and those of its optional ones the edition knows. */
export interface JsonChapters {
  version: string;
  title: string;
  author?: string;
  podcastName: string;
  /** The MP3's file name. */
  fileName: string;
  chapters: JsonChapter[];
}

/** Seconds to the millisecond: the cues' times are sample counts divided, with long fractions. */
const seconds = (time: number) => Math.round(time * 1000) / 1000;

/** The file's content, from the edition's chapter cues (in order, the first at 0). */
export function jsonChapters(episode: {
  title: string;
  author?: string;
  podcastName: string;
  mp3: string;
  chapters: readonly Cue[];
}): string {
  const file: JsonChapters = {
    version: CHAPTERS_VERSION,
    title: episode.title,
    ...(episode.author === undefined ? {} : { author: episode.author }),
    podcastName: episode.podcastName,
    fileName: episode.mp3.split('/').pop() ?? episode.mp3,
    chapters: episode.chapters.map((cue) => ({
      startTime: seconds(cue.start),
      endTime: seconds(cue.end),
      title: cue.text,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
