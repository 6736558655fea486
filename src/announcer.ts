// The page's one voice of its own: a single polite status region in the light DOM that every
// component (the player, the settings panel, the offline status) speaks through. It is made
// on the first message, so browse mode never meets an empty "status bar". Each speaker is
// heard by its latest message: several in a row from the player (Paused, then Stopped) are
// heard as the last one. Messages from different speakers that come together are said
// together, so "Available offline." does not silence the player's "Playing.".

import { englishMarked } from './words/in-page.js';

/** A region added to the page must be in the accessibility tree before it speaks. */
export const NEW_REGION_DELAY_MS = 150;
/** Between clearing and writing, so the same words twice in a row are spoken again. */
const REPEAT_DELAY_MS = 50;

/** Who is speaking: a later message replaces the same speaker's message not yet said. */
export type Speaker = 'read-aloud' | 'reading-settings' | 'offline' | 'queue';

export class Announcer {
  private region?: HTMLElement;
  private timer?: ReturnType<typeof setTimeout>;
  /** Messages waiting for the region, by speaker, in the order they were first said. */
  private readonly waiting = new Map<Speaker, string>();

  constructor(private readonly doc: Document = document) {}

  /** Says a short message politely, after whatever the screen reader is saying. */
  announce(message: string, speaker: Speaker) {
    const fresh = !this.region?.isConnected;
    const region = fresh ? this.createRegion() : this.region!;
    clearTimeout(this.timer);
    region.textContent = '';
    this.waiting.set(speaker, message);
    this.timer = setTimeout(
      () => {
        region.textContent = [...this.waiting.values()].join(' ');
        this.waiting.clear();
      },
      fresh ? NEW_REGION_DELAY_MS : REPEAT_DELAY_MS,
    );
  }

  /** The words the region holds now ('' before the first message). */
  get current(): string {
    return this.region?.textContent ?? '';
  }

  private createRegion() {
    const region = this.doc.createElement('div');
    region.setAttribute('role', 'status');
    region.className = 'visually-hidden';
    region.dataset.editionAnnouncer = '';
    // The edition's words, in English where the page's language has no table of them (src/words/in-page.ts).
    if (englishMarked()) region.lang = 'en';
    this.doc.body.append(region);
    this.region = region;
    return region;
  }
}

let shared: Announcer | undefined;

/** Says a message through the page's one status region. */
export function announce(message: string, speaker: Speaker) {
  (shared ??= new Announcer()).announce(message, speaker);
}
