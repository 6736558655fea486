// The listening queue going on in the same page: when an article ends, the next queued one is
// fetched (the offline worker answers with the pages it keeps), parsed, and read by the same
// player, in the same media element. Opening its page instead would lose the listener's gesture,
// without which Firefox and Safari refuse to play (docs/read-aloud.md, "On to the next article").
// Loaded on first use with the rest of what follows the reading (./listening.ts).
import { dequeue, listeningQueue, type QueuedArticle } from '../../preferences/listening-queue.js';
import type { PlayerSources } from '../../speech/player-sources.js';
import type { SpeechPlayer } from '../../speech/read-aloud.js';
import type { PageAudio } from '../../speech/recorded-session.js';
import { firstUseWords } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';
import type { ListeningPosition } from './listening-position.js';

/** A queued article, read from its page. */
export interface QueuedReading {
  entry: QueuedArticle;
  /** Its `<article>`, in the fetched document (its embedded lexicon with it). */
  article: HTMLElement;
  lang: string;
  /** Its audio edition, its addresses made whole against its page. */
  audio?: PageAudio;
  /** Its own remembered place, by its title as its page keeps it. */
  position: ListeningPosition;
}

/** Why a queued article was left out: offline and not kept, or its page could not be read. */
type Skipped = 'offline' | 'failed';

/** Fetches a queued article's page and reads its article and audio edition from it. */
export async function fetchQueued(
  entry: QueuedArticle,
  position: (title: string) => ListeningPosition,
): Promise<QueuedReading | Skipped> {
  const url = new URL(entry.href, location.href);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${entry.href}: ${response.status}`);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    // Offline, the worker answers an article it does not keep with a page that says so: no article.
    const article = doc.querySelector<HTMLElement>('main article.article');
    if (!article) return navigator.onLine ? 'failed' : 'offline';
    const title = article.querySelector('h1')?.textContent?.trim() ?? entry.href;
    return {
      entry,
      article,
      lang: article.lang || doc.documentElement.lang || entry.lang,
      audio: pageAudio(doc, url),
      position: position(title),
    };
  } catch {
    return navigator.onLine ? 'failed' : 'offline';
  }
}

function pageAudio(doc: Document, page: URL): PageAudio | undefined {
  try {
    const audio = JSON.parse(doc.getElementById('audio-edition')?.textContent ?? 'null') as PageAudio | null;
    if (!audio) return undefined;
    const whole = (href: string) => new URL(href, page).href;
    return { ...audio, src: whole(audio.src), cues: whole(audio.cues), chapters: whole(audio.chapters) };
  } catch {
    // Its data block is broken: the device's voice reads it.
    return undefined;
  }
}

export interface ContinuationHooks {
  sources: PlayerSources;
  /** The device's voice over another article's markup. */
  devicePlayer(article: HTMLElement, lang: string): SpeechPlayer;
  /** The page's own article's address (as the queue keeps it), audio edition and place. */
  own: { href: string; audio?: PageAudio };
  /** Starts listening as Listen does (who reads chosen again, from the remembered place); settles once started. */
  listen(): Promise<void>;
  /** What is said with the state that follows ("Next: …"). */
  notice(message: string): void;
  /** An article's remembered place, by its title (made by the player, whose code keeps the store). */
  position(title: string): ListeningPosition;
  /** Said at once (the queue's end, articles left out). */
  announce(message: string): void;
  /** What is being read changed: the host renders again. */
  changed(): void;
}

/**
 * Which article the player reads: the page's own, or a queued one (`away`). When one ends,
 * `goOn` takes the next queued article that can be read and starts it; with none, the page's
 * own article is back, as after a stop.
 */
export class QueueContinuation {
  /** The queued article being read, where it is not the page's own. */
  away?: QueuedReading;
  /** An article ended and the next is loading: the bar stays, and focus with it. */
  continuing = false;
  /** The queued articles left out on the way to the one being read, in words (the bar shows them). */
  leftOut?: string;
  private readonly hooks: ContinuationHooks;
  /** The page's own device player, kept while a queued article reads. */
  private readonly ownDevice: SpeechPlayer;

  constructor(hooks: ContinuationHooks) {
    this.hooks = hooks;
    this.ownDevice = hooks.sources.device;
  }

  /** The address of the article being read. */
  get reading() {
    return this.away?.entry.href ?? this.hooks.own.href;
  }

  /**
   * The article being read ended (or the listener skipped to the next): it leaves the queue,
   * and the next readable article in the queue starts. Articles not kept offline stay queued for later;
   * those whose page could not be read leave the queue. Both are named.
   */
  async goOn() {
    const { sources } = this.hooks;
    const words = firstUseWords().queue;
    const store = listeningQueue();
    this.continuing = true;
    dequeue(store, this.reading);
    const skipped: Record<Skipped, string[]> = { offline: [], failed: [] };
    let next: QueuedReading | undefined;
    for (const entry of [...store.value.articles]) {
      const loaded = await fetchQueued(entry, this.hooks.position);
      if (typeof loaded !== 'string') {
        next = loaded;
        break;
      }
      skipped[loaded].push(entry.title);
      if (loaded === 'failed') dequeue(store, entry.href);
    }
    const left = [
      skipped.offline.length > 0 ? fill(words.skippedOffline, { titles: skipped.offline.join(', ') }) : '',
      skipped.failed.length > 0 ? fill(words.skippedFailed, { titles: skipped.failed.join(', ') }) : '',
    ].filter(Boolean);
    this.continuing = false;
    // The listener started something else meanwhile: that goes on.
    if (sources.active.state !== 'idle') return;
    if (!next) {
      if (this.away) this.backHome();
      if (left.length > 0) this.hooks.announce(left.join(' '));
      this.hooks.changed();
      return;
    }
    // It stays queued until it ends (or is skipped), so a page closed meanwhile loses nothing.
    // Continuing until the next article plays: the bar, and focus in it, stay meanwhile.
    this.continuing = true;
    sources.replace(this.hooks.devicePlayer(next.article, next.lang), next.audio);
    this.away = next;
    this.leftOut = left.join(' ') || undefined;
    this.hooks.notice([...left, fill(words.next, { title: next.entry.title })].join(' '));
    try {
      await this.hooks.listen();
    } finally {
      this.continuing = false;
      this.hooks.changed();
    }
  }

  /** The lock screen's next track after the last section: the article is left where it is, the next begins. */
  skipToNext() {
    this.continuing = true;
    this.hooks.sources.active.stop();
    void this.goOn();
  }

  /**
   * The listener stops. On a queued article (still queued, its place remembered), the page's own
   * article is the one Listen reads again.
   */
  stop() {
    this.hooks.sources.active.stop();
    if (!this.away || this.continuing) return;
    this.backHome();
    this.hooks.changed();
  }

  private backHome() {
    this.leftOut = undefined;
    this.continuing = true;
    this.hooks.sources.replace(this.ownDevice, this.hooks.own.audio);
    this.away = undefined;
    this.continuing = false;
  }
}
