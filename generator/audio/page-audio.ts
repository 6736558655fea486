// What the page says about its audio edition: a data block for the player (the MP3, its cue
// and chapter tracks, size and duration) and schema.org's AudioObject in the JSON-LD, so
// search engines and readers' tools see the audio, its size and its length.

/**
 * @typedef {object} PageAudio
 * @property {string} src the MP3's URL, relative to the page
 * @property {'audio/mpeg'} type
 * @property {number} bytes
 * @property {number} seconds as decoded
 * @property {string} cues WebVTT, one cue per sentence of the read-aloud script
 * @property {string} chapters WebVTT, one cue per section
 * @property {string} voice the voice that read it, for the player's source choice
 * @property {string} download the file name a download is saved under: the article's slug
 */

/**
 * @param {import('./audio-edition.ts').AudioEdition} edition
 * @param {string} slug the article's, for the downloaded file's name
 * @returns {PageAudio}
 */
export const pageAudio = (edition, slug) => ({
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
 * "Download audio (MP3, 3.2 MB, 13 min)", beside the podcast feed where there is one: plain
 * links the build writes, so they work without JavaScript. The size and length in the link's
 * name tell a listener on a metered connection what they are about to fetch.
 * @param {PageAudio} audio
 * @param {string | undefined} feed the podcast feed's URL
 */
export function audioLinks(audio, feed) {
  const size = `${(audio.bytes / 1e6).toFixed(1)} MB`;
  const minutes = `${Math.max(1, Math.round(audio.seconds / 60))} min`;
  const download = `<a href="${escape(audio.src)}" download="${escape(audio.download)}" type="${audio.type}">Download audio (MP3, ${size}, ${minutes})</a>`;
  const podcast = feed ? ` <span aria-hidden="true">·</span> <a href="${escape(feed)}" type="application/rss+xml">Podcast feed</a>` : '';
  return `<p class="audio-links" data-edition>${download}${podcast}</p>`;
}

const escape = (/** @type {string} */ text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * schema.org's AudioObject for the Article's `audio`.
 * @param {PageAudio} audio
 */
export const audioObject = (audio) => ({
  '@type': 'AudioObject',
  contentUrl: audio.src,
  encodingFormat: audio.type,
  contentSize: `${(audio.bytes / 1e6).toFixed(1)} MB`,
  duration: isoDuration(audio.seconds),
  caption: { '@type': 'MediaObject', contentUrl: audio.cues, encodingFormat: 'text/vtt' },
});

/** ISO 8601, as schema.org's Duration: PT13M17S. */
const isoDuration = (/** @type {number} */ seconds) => {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s % 60}S`;
};
