import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { fileSize } from '../../file-size.js';
import { firstUseWords, pageLanguage } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';
import { KEEP_ASKED, KEPT_CHANGED } from './offline-keeping.js';
import type { PersistentStorageController } from './persistent-storage-controller.js';
import { SevenDaysHintController } from './seven-days-hint-controller.js';

/** What the browser estimates of the site's storage, in bytes; 'unknown' where it would not say. */
type Estimate = { usage: number; quota: number } | 'unknown';

const bytes = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * The offline details' words on the site's storage, made on their first opening: how much it
 * holds and how much more the browser allows (`navigator.storage.estimate()`), measured again at
 * each opening and whenever something is kept or removed; and what the browser may remove, and
 * when: after seven days without a visit in Safari and on iPhone and iPad (SevenDaysHintController),
 * or when space is short where the storage is not persistent and the reader has not asked yet.
 * The browser's answer on persistence is in the status itself (offline-status.ts).
 *
 * When the reader keeps an article or its audio, it also asks the browser to keep the site's
 * storage, as **Keep available offline** does, unless it was asked already on this visit: what
 * they keep is worth keeping through storage pressure, and a second question to a browser that
 * said no would only make the status change twice. A browser that cannot estimate stays quiet;
 * one that fails to says so.
 */
export class StorageDetailsController implements ReactiveController {
  private estimate?: Estimate;
  /** The latest measure asked for: an earlier one answering late is not shown over it. */
  private measuring = 0;
  private readonly sevenDays: SevenDaysHintController;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly persistence: PersistentStorageController,
  ) {
    this.sevenDays = new SevenDaysHintController(host);
    host.addController(this);
  }

  hostConnected() {
    this.host.addEventListener(KEEP_ASKED, this.onKeepAsked);
    this.host.addEventListener(KEPT_CHANGED, this.onKeptChanged);
  }

  hostDisconnected() {
    this.host.removeEventListener(KEEP_ASKED, this.onKeepAsked);
    this.host.removeEventListener(KEPT_CHANGED, this.onKeptChanged);
  }

  /** Asks the browser how much the site's storage holds now. */
  async measure() {
    const storage = navigator.storage as StorageManager | undefined;
    if (typeof storage?.estimate !== 'function') return;
    const measure = ++this.measuring;
    let estimate: Estimate = 'unknown';
    try {
      const { usage, quota } = await storage.estimate();
      // A quota of nothing is no answer (some blocked or private modes give it).
      if (bytes(usage) && bytes(quota) && quota > 0) estimate = { usage, quota };
    } catch {
      // Storage blocked, say: the browser does not say.
    }
    if (measure !== this.measuring) return;
    this.estimate = estimate;
    this.host.requestUpdate();
  }

  /** The storage's paragraphs, in the host's details. */
  render() {
    const words = firstUseWords().offline;
    const removal = this.sevenDays.hint ?? (this.persistence.state === 'unknown' ? words.mayBeCleared : undefined);
    return html`${this.estimate ? html`<p class="storage">${this.said(this.estimate)}</p>` : nothing}${
      removal ? html`<p class="hint">${removal}</p>` : nothing
    }`;
  }

  private said(estimate: Estimate) {
    const words = firstUseWords().offline;
    if (estimate === 'unknown') return words.storageUnknown;
    // A no-break space: on a phone "10.7 GB" must not break into "10.7" and "GB".
    const size = (value: number) => fileSize(value, words, pageLanguage()).replace(' ', '\u00a0');
    const left = estimate.quota - estimate.usage;
    return left <= 0
      ? fill(words.storageUsedNoRoom, { used: size(estimate.usage) })
      : fill(words.storageUsed, { used: size(estimate.usage), left: size(left) });
  }

  private readonly onKeepAsked = () => {
    if (this.persistence.state === 'unknown') void this.persistence.persist();
  };

  private readonly onKeptChanged = () => void this.measure();
}
