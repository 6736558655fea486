// WebVTT for the audio edition: one cue per spoken sentence (what the player highlights and
// seeks by), and a separate chapters file, one cue per section, for <track kind="chapters">,
// podcast apps and the player's section skips. Two files, because a track has one kind.

/**
 * @typedef {object} Cue
 * @property {string} id
 * @property {number} start seconds
 * @property {number} end seconds
 * @property {string} text
 */

/**
 * @param {Cue[]} cues
 * @param {string} [note] a NOTE block after the header, for whoever opens the file
 */
export function webvtt(cues, note) {
  const blocks = ['WEBVTT'];
  if (note) blocks.push(`NOTE ${note.replace(/-->/g, '→').replace(/\n\s*\n/g, '\n')}`);
  for (const cue of cues) {
    if (!(cue.end > cue.start)) throw new Error(`cue ${cue.id} ends (${cue.end}) before it starts (${cue.start})`);
    blocks.push(`${cue.id}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${escapeText(cue.text)}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** hh:mm:ss.ttt */
function timestamp(/** @type {number} */ seconds) {
  const ms = Math.round(seconds * 1000);
  const pad = (/** @type {number} */ n, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Cue text is markup: &, < and > are escaped; a line break would end the cue's text early. */
const escapeText = (/** @type {string} */ text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s*\n\s*/g, ' ');
