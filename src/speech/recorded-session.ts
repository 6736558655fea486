// What the player makes when a listener first chooses the audio edition: its sentence cues,
// checked against the script the page reads, and an audio element that plays it. Its code
// comes with the rest of what loads on first use (src/first-use.ts); the audio itself is
// kept offline only when the listener asks (see the offline status).
import type { Problem } from './read-aloud.js';
import { firstMismatch, parseCues, RecordedReadAloud } from './recorded-read-aloud.js';
import type { SpokenScript } from './spoken-script.js';

/** The page's `<script type="application/json" id="audio-edition">` (generator/audio/page-audio.ts). */
export interface PageAudio {
  src: string;
  type: string;
  bytes: number;
  seconds: number;
  cues: string;
  chapters: string;
  /** The voice that read it. */
  voice?: string;
}

/**
 * A player over the audio edition, or why there is none where its cues say another script than
 * the page's (the article changed after its audio was rendered). Rejects where the cues cannot be fetched.
 * `media`: the element to play it in (the listening queue's next article plays in the element
 * the last one did, which a gesture has let play).
 */
export async function recordedSession(
  script: SpokenScript,
  audio: PageAudio,
  rate: () => number,
  media: HTMLAudioElement = new Audio(),
): Promise<RecordedReadAloud | Problem> {
  const base = document.baseURI;
  // The audio starts loading while the cues are fetched and checked: Play waits for both.
  media.preload = 'auto';
  media.src = new URL(audio.src, base).href;
  const dropAudio = () => {
    media.removeAttribute('src');
    media.load();
  };
  try {
    // Whether seeking into the audio can work is known before the first press (RecordedReadAloud.reachable).
    const [response, ignoresRanges] = await Promise.all([fetch(new URL(audio.cues, base)), rangesIgnored(media.src)]);
    // Offline before the audio was kept, say: the caller tells the listener.
    if (!response.ok) throw new Error(`${audio.cues}: ${response.status}`);
    const cues = parseCues(await response.text());
    if (firstMismatch(cues, script) !== undefined) {
      dropAudio();
      return { code: 'audio-mismatch' };
    }
    return new RecordedReadAloud({ script, media, cues, rate, ignoresRanges });
  } catch (error) {
    dropAudio();
    throw error;
  }
}

/**
 * Whether the server answers a request for two bytes with the whole file (200) rather than with
 * them (206). False when it cannot be asked (offline, say), or the worker answers from the audio
 * kept offline. The server itself is asked: a browser's HTTP cache answers a range from a whole
 * file it holds.
 */
async function rangesIgnored(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { headers: { Range: 'bytes=0-1' }, cache: 'no-store' });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
