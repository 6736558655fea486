// The page's one voice of its own: a single polite status region in the light DOM that every
// component (the player, the settings panel, the offline status) speaks through. It is made
// on the first message, so browse mode never meets an empty "status bar", and it says only
// the latest message: several in a row (Paused, then Stopped) are heard as the last one.

/** A region added to the page must be in the accessibility tree before it speaks. */
export const NEW_REGION_DELAY_MS = 150;
/** Between clearing and writing, so the same words twice in a row are spoken again. */
const REPEAT_DELAY_MS = 50;

export class Announcer {
  private region?: HTMLElement;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly doc: Document = document) {}

  /** Says a short message politely, after whatever the screen reader is saying. */
  announce(message: string) {
    const fresh = !this.region?.isConnected;
    const region = fresh ? this.createRegion() : this.region!;
    clearTimeout(this.timer);
    region.textContent = '';
    this.timer = setTimeout(() => (region.textContent = message), fresh ? NEW_REGION_DELAY_MS : REPEAT_DELAY_MS);
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
    this.doc.body.append(region);
    this.region = region;
    return region;
  }
}

let shared: Announcer | undefined;

/** Says a message through the page's one status region. */
export function announce(message: string) {
  (shared ??= new Announcer()).announce(message);
}
