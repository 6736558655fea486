// WebVTT for the audio edition: one cue per spoken sentence (what the player highlights and
// seeks by), and a separate chapters file, one cue per section, for <track kind="chapters">,
// podcast apps and the player's section skips. Two files, because a track has one kind.
import { escapeWebvtt } from '../escape.ts';

export interface Cue {
  id: string;
  /** Seconds. */
  start: number;
  /** Seconds. */
  end: number;
  text: string;
}

/** The file for `cues`, with `note` (for whoever opens the file) as a NOTE block after the header. */
export function webvtt(cues: Cue[], note?: string): string {
  const blocks = ['WEBVTT'];
  if (note) blocks.push(`NOTE ${note.replace(/-->/g, '→').replace(/\n\s*\n/g, '\n')}`);
  for (const cue of cues) {
    if (!(cue.end > cue.start)) throw new Error(`cue ${cue.id} ends (${cue.end}) before it starts (${cue.start})`);
    blocks.push(`${cue.id}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${escapeWebvtt(cue.text)}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** hh:mm:ss.ttt */
function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}
