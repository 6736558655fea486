// The site's podcast feed (RSS 2.0 with Apple's podcast namespace), so a listener can
// subscribe to the audio editions in any podcast app. Every URL in it is absolute: a feed is
// read away from the site, so it is written only when the site's base URL is known.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { ICON_SOURCE } from '../page/icons.ts';

/** Apple asks for a square 1400–3000 px cover; 3000 stays sharp on large screens. */
export const COVER_SIZE = 3000;

/**
 * @typedef {object} FeedChannel
 * @property {string} title
 * @property {string} link the site's address
 * @property {string} feedUrl where the feed itself is served
 * @property {string} description
 * @property {string} language BCP 47
 * @property {string} author
 * @property {string} image the cover's absolute URL
 * @property {string} category one of Apple's podcast categories
 * @property {string} [subcategory] one of its subcategories
 *
 * @typedef {object} FeedItem
 * @property {string} title
 * @property {string} description
 * @property {string} link the article's page
 * @property {Date} published
 * @property {string} audio the MP3's absolute URL
 * @property {number} bytes the MP3's size
 * @property {number} seconds its duration
 * @property {string} transcript the sentence cues' absolute URL (WebVTT)
 */

/**
 * @param {FeedChannel} channel
 * @param {FeedItem[]} items newest first
 */
export function podcastFeed(channel, items) {
  const category = channel.subcategory
    ? `<itunes:category text="${xml(channel.category)}"><itunes:category text="${xml(channel.subcategory)}"/></itunes:category>`
    : `<itunes:category text="${xml(channel.category)}"/>`;
  const episodes = items.map(
    (item) => `    <item>
      <title>${xml(item.title)}</title>
      <description>${xml(item.description)}</description>
      <link>${xml(item.link)}</link>
      <guid isPermaLink="true">${xml(item.link)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
      <enclosure url="${xml(item.audio)}" length="${item.bytes}" type="audio/mpeg"/>
      <itunes:duration>${duration(item.seconds)}</itunes:duration>
      <itunes:author>${xml(channel.author)}</itunes:author>
      <itunes:explicit>false</itunes:explicit>
      <podcast:transcript url="${xml(item.transcript)}" type="text/vtt"/>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.link)}</link>
    <atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${xml(channel.description)}</description>
    <language>${xml(channel.language)}</language>
    <itunes:author>${xml(channel.author)}</itunes:author>
    <itunes:image href="${xml(channel.image)}"/>
    ${category}
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
${episodes.join('\n')}
  </channel>
</rss>
`;
}

/**
 * Text and attribute values as XML: the five special characters escaped, and characters XML
 * cannot carry at all (control characters) left out.
 * @param {string} text
 */
export function xml(text) {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** hh:mm:ss, as podcast apps show it. */
const duration = (/** @type {number} */ seconds) => {
  const s = Math.round(seconds);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/**
 * The podcast cover: the edition's icon, square and full bleed (its rounded corners filled
 * with its own background), without transparency, as podcast directories require.
 * @returns {Promise<Buffer>}
 */
export async function podcastCover() {
  const svg = await readFile(ICON_SOURCE);
  const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg.toString())?.[1];
  if (!background) throw new Error(`${ICON_SOURCE}: the background <rect> needs a fill colour`);
  const drawing = await sharp(svg, { density: (72 * COVER_SIZE) / 512 }).resize(COVER_SIZE, COVER_SIZE).png().toBuffer();
  return sharp({ create: { width: COVER_SIZE, height: COVER_SIZE, channels: 3, background } })
    .composite([{ input: drawing }])
    .png({ palette: true })
    .toBuffer();
}
