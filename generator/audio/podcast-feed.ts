// The site's podcast feed (RSS 2.0 with Apple's podcast namespace), so a listener can
// subscribe to the audio editions in any podcast app. Every URL in it is absolute: a feed is
// read away from the site, so it is written only when the site's base URL is known.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { escapeXml } from '../escape.ts';
import { ICON_SOURCE } from '../page/icons.ts';
import { COVER_PIXELS } from '../site-config.ts';
import { CHAPTERS_TYPE } from './json-chapters.ts';

/** The edition's own cover: Apple asks for a square 1400–3000 px; 3000 stays sharp on large screens. */
export const COVER_SIZE = COVER_PIXELS.max;

export interface FeedChannel {
  title: string;
  /** The site's address. */
  link: string;
  /** Where the feed itself is served. */
  feedUrl: string;
  description: string;
  /** BCP 47. */
  language: string;
  /** The feed leaves out what is not known rather than write a wrong one. */
  author?: string;
  /** `itunes:owner`, written where there is an email to write to. */
  owner?: { name?: string; email: string };
  publisher?: string;
  /** The cover's absolute URL. */
  image: string;
  /** One of Apple's podcast categories (PODCAST_CATEGORIES). */
  category?: string;
  /** One of its subcategories. */
  subcategory?: string;
  explicit: boolean;
}

export interface FeedItem {
  title: string;
  description: string;
  /** The article's page. */
  link: string;
  published: Date;
  /** The article's own authors, and as one line ("A and B"). */
  authors: string[];
  author?: string;
  /** The article's language (BCP 47): its transcript's. */
  language: string;
  /** The MP3's absolute URL. */
  audio: string;
  /** The MP3's size. */
  bytes: number;
  /** Its duration. */
  seconds: number;
  /** The sentence cues' absolute URL (WebVTT). */
  transcript: string;
  /** The sections' absolute URL (JSON chapters, see json-chapters.ts). */
  chapters: string;
}

/** An element with text, or nothing where the value is not known. */
const element = (name: string, value: string | undefined, indent: string) =>
  value === undefined ? '' : `\n${indent}<${name}>${escapeXml(value)}</${name}>`;

/**
 * The feed's XML, the items newest first. Each item names its own authors (`itunes:author`,
 * `dc:creator`, and a Podcasting 2.0 `podcast:person` each), gives its transcript its
 * language (RSS has no language per item, and the namespace's transcript tag carries one) and
 * links its chapters.
 */
export function podcastFeed(channel: FeedChannel, items: FeedItem[]): string {
  const category =
    channel.category === undefined
      ? ''
      : channel.subcategory
        ? `\n    <itunes:category text="${escapeXml(channel.category)}"><itunes:category text="${escapeXml(channel.subcategory)}"/></itunes:category>`
        : `\n    <itunes:category text="${escapeXml(channel.category)}"/>`;
  const owner = channel.owner
    ? `\n    <itunes:owner>${element('itunes:name', channel.owner.name, '      ')}${element('itunes:email', channel.owner.email, '      ')}\n    </itunes:owner>`
    : '';
  const explicit = `<itunes:explicit>${channel.explicit}</itunes:explicit>`;
  const episodes = items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <description>${escapeXml(item.description)}</description>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.link)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
      <enclosure url="${escapeXml(item.audio)}" length="${item.bytes}" type="audio/mpeg"/>
      <itunes:duration>${duration(item.seconds)}</itunes:duration>${element('itunes:author', item.author, '      ')}${element('dc:creator', item.author, '      ')}${item.authors
        .map((name) => `\n      <podcast:person group="writing" role="author">${escapeXml(name)}</podcast:person>`)
        .join('')}
      ${explicit}
      <podcast:transcript url="${escapeXml(item.transcript)}" type="text/vtt" language="${escapeXml(item.language)}"/>
      <podcast:chapters url="${escapeXml(item.chapters)}" type="${CHAPTERS_TYPE}"/>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>${element('itunes:author', channel.author, '    ')}${owner}${element('dc:publisher', channel.publisher, '    ')}
    <itunes:image href="${escapeXml(channel.image)}"/>${category}
    ${explicit}
    <itunes:type>episodic</itunes:type>
${episodes.join('\n')}
  </channel>
</rss>
`;
}

/** hh:mm:ss, as podcast apps show it. */
const duration = (seconds: number): string => {
  const s = Math.round(seconds);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/**
 * The publisher's cover (checked as the settings were read: a square PNG or JPEG), made no
 * larger than Apple takes; `ext` is its file's extension.
 */
export async function publisherCover(file: string): Promise<{ body: Buffer; ext: 'png' | 'jpg' }> {
  const image = sharp(file);
  const { format, width = 0 } = await image.metadata();
  if (width > COVER_PIXELS.max) image.resize(COVER_PIXELS.max, COVER_PIXELS.max);
  return format === 'png'
    ? { body: await image.png().toBuffer(), ext: 'png' }
    : { body: await image.jpeg({ quality: 90 }).toBuffer(), ext: 'jpg' };
}

/**
 * The podcast cover: the edition's icon, square and full bleed (its rounded corners filled
 * with its own background), without transparency, as podcast directories require.
 */
export async function podcastCover(): Promise<Buffer> {
  const svg = await readFile(ICON_SOURCE);
  const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg.toString())?.[1];
  if (!background) throw new Error(`${ICON_SOURCE}: the background <rect> needs a fill colour`);
  const drawing = await sharp(svg, { density: (72 * COVER_SIZE) / 512 })
    .resize(COVER_SIZE, COVER_SIZE)
    .png()
    .toBuffer();
  return sharp({ create: { width: COVER_SIZE, height: COVER_SIZE, channels: 3, background } })
    .composite([{ input: drawing }])
    .png({ palette: true })
    .toBuffer();
}
