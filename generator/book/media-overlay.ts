// The book's narration: a Media Overlay (SMIL) that plays the audio edition's MP3, the site's own
// file, sentence by sentence, each clip one WebVTT cue and each pointing at its sentence's
// element in the content document (sentences.ts). Reading systems highlight the sentence being
// read and let the reader move by sentence, section or note; docs/book.md says how.
import type { WrittenRange } from '../audio/spoken-script.ts';
import type { Cue } from '../audio/webvtt.ts';
import { escapeXml } from '../escape.ts';
import { CONTENT_DOCUMENT, type SentenceGroup } from './content-document.ts';

/** The overlay's name in the book, beside the package document. */
export const MEDIA_OVERLAY = 'article.smil';

/** Where the MP3 goes, beside the overlay. */
export const NARRATION_DIR = 'audio';

/** The article's audio edition, as the book carries it. */
export interface Narration {
  /** One per spoken sentence, in order. */
  cues: Cue[];
  /** Where each cue's sentence is written in the article. */
  ranges: WrittenRange[];
  /** The site's MP3, byte for byte, and its name. */
  mp3: { name: string; body: Buffer };
  /** Who reads it: the voice. */
  narrator: string;
}

/** The overlay's play time: the clips', without the pauses between them (docs/book.md). */
export const narrationSeconds = (cues: Cue[]): number =>
  cues.reduce((sum, cue) => sum + clip(cue.end) - clip(cue.start), 0);

/** A clip's time, to the millisecond the overlay writes. */
const clip = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** A SMIL clock value, "h:mm:ss.fff", for `media:duration`. */
export function clockValue(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${Math.floor(ms / 3_600_000)}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * @param sentenceIds the element of each cue's sentence in the content document
 * @param groups the table or note each cue's sentence is in: its pars go in a <seq> of that type,
 *   which reading systems let the listener skip or escape
 * @param audio the MP3's path, relative to the overlay
 */
export function mediaOverlay(
  cues: Cue[],
  sentenceIds: string[],
  groups: (SentenceGroup | undefined)[],
  audio: string,
): string {
  // A par must point at its sentence: an overlay pointing nowhere would pass unseen by a listener
  // until it stalls (the build then makes the book text only, see makeNarratedBook).
  if (sentenceIds.length !== cues.length)
    throw new Error(`${cues.length} sentences are narrated but ${sentenceIds.length} are marked in the text`);
  const lines: string[] = [];
  let open: SentenceGroup | undefined;
  for (const [index, cue] of cues.entries()) {
    const group = groups[index];
    if (open && (open.type !== group?.type || open.id !== group.id)) {
      lines.push('</seq>');
      open = undefined;
    }
    if (group && !open) {
      lines.push(`<seq epub:type="${group.type}" epub:textref="${CONTENT_DOCUMENT}#${escapeXml(group.id)}">`);
      open = group;
    }
    lines.push(
      `<par id="p${index + 1}"><text src="${CONTENT_DOCUMENT}#${escapeXml(sentenceIds[index]!)}"/><audio src="${escapeXml(audio)}" clipBegin="${clip(cue.start).toFixed(3)}s" clipEnd="${clip(cue.end).toFixed(3)}s"/></par>`,
    );
  }
  if (open) lines.push('</seq>');
  return `<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
${lines.join('\n')}
</body>
</smil>
`;
}
