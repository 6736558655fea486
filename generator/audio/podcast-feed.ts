// The site's podcast feed (RSS 2.0 with Apple's podcast namespace), so a listener can
// subscribe to the audio editions in any podcast app. Every URL in it is absolute: a feed is
// read away from the site, so it is written only when the site's base URL is known.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { escapeXml } from '../escape.ts';
import { ICON_SOURCE } from '../page/icons.ts';

/** Apple asks for a square 1400–3000 px cover; 3000 stays sharp on large screens. */
export const COVER_SIZE = 3000;

interface FeedChannel {
  title: string;
  /** The site's address. */
  link: string;
  /** Where the feed itself is served. */
  feedUrl: string;
  description: string;
  /** BCP 47. */
  language: string;
  /** None where the home page names no author: the feed then leaves its author out. */
  author?: string;
  /** The cover's absolute URL. */
  image: string;
  /** One of Apple's podcast categories. */
  category: string;
  /** One of its subcategories. */
  subcategory?: string;
}

interface FeedItem {
  title: string;
  description: string;
  /** The article's page. */
  link: string;
  published: Date;
  /** The MP3's absolute URL. */
  audio: string;
  /** The MP3's size. */
  bytes: number;
  /** Its duration. */
  seconds: number;
  /** The sentence cues' absolute URL (WebVTT). */
  transcript: string;
}

/** The feed's XML, the items newest first. */
export function podcastFeed(channel: FeedChannel, items: FeedItem[]): string {
  const category = channel.subcategory
    ? `<itunes:category text="${escapeXml(channel.category)}"><itunes:category text="${escapeXml(channel.subcategory)}"/></itunes:category>`
    : `<itunes:category text="${escapeXml(channel.category)}"/>`;
  const episodes = items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <description>${escapeXml(item.description)}</description>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.link)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
      <enclosure url="${escapeXml(item.audio)}" length="${item.bytes}" type="audio/mpeg"/>
      <itunes:duration>${duration(item.seconds)}</itunes:duration>${
        channel.author === undefined
          ? ''
          : `
      <itunes:author>${escapeXml(channel.author)}</itunes:author>`
      }
      <itunes:explicit>false</itunes:explicit>
      <podcast:transcript url="${escapeXml(item.transcript)}" type="text/vtt"/>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>${
      channel.author === undefined
        ? ''
        : `
    <itunes:author>${escapeXml(channel.author)}</itunes:author>`
    }
    <itunes:image href="${escapeXml(channel.image)}"/>
    ${category}
    <itunes:explicit>false</itunes:explicit>
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
