// ID3v2 tags for the downloadable MP3: the article's title and author, and its sections as
// chapters (CHAP frames listed by one top-level CTOC), which podcast apps and many players
// show and skip by. Written with node-id3, which supports both frames.
import NodeID3 from 'node-id3';

interface AudioTags {
  title: string;
  /** None where the article names no author. */
  author?: string;
  /** The edition's name. */
  album: string;
  description: string;
  /** In seconds. */
  chapters: { title: string; start: number; end: number }[];
}

/** The MP3 with an ID3v2 tag in front. */
export function withTags(mp3: Uint8Array, { title, author, album, description, chapters }: AudioTags): Buffer {
  const ids = chapters.map((_, i) => `chapter${i + 1}`);
  const tag = NodeID3.create({
    title,
    artist: author,
    album,
    genre: 'Speech',
    // TIT3, the title's refinement: what the piece is about, where a player shows one line.
    subtitle: description,
    chapter: chapters.map((chapter, i) => ({
      elementID: ids[i],
      startTimeMs: Math.round(chapter.start * 1000),
      endTimeMs: Math.round(chapter.end * 1000),
      tags: { title: chapter.title },
    })),
    tableOfContents: [{ elementID: 'toc', isOrdered: true, elements: ids, tags: { title: 'Sections' } }],
  });
  return Buffer.concat([tag, mp3]);
}
