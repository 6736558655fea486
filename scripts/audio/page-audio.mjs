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
 */

/**
 * @param {import('./audio-edition.mjs').AudioEdition} edition
 * @returns {PageAudio}
 */
export const pageAudio = (edition) => ({
  src: `./${edition.mp3}`,
  type: 'audio/mpeg',
  bytes: edition.bytes,
  seconds: Math.round(edition.seconds * 1000) / 1000,
  cues: `./${edition.cues}`,
  chapters: `./${edition.chapters}`,
});

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
