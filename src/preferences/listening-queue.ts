// The articles a listener has queued to hear after the one playing ("Listen next" on the index
// and on each article), kept across reloads like the other preferences: checked entry by entry
// when read (a broken entry is dropped, not the whole queue), followed across tabs, and usable
// for the visit where storage is blocked or full (the store's storageState says which).
import { parseFields, sharedStore, type Checked, type FieldCheck, type PreferenceStore } from './preference-store.js';
import { LISTENING_QUEUE_KEY } from './storage-keys.js';

export interface QueuedArticle {
  /** The article's page: an address on this site, from its root ("/blog/second.html"). */
  href: string;
  /** Its title, shown and said before its page is fetched. */
  title: string;
  /** Its language, which marks the title. */
  lang: string;
}

export interface ListeningQueue {
  /** In the order they are heard. */
  articles: readonly QueuedArticle[];
}

export const EMPTY_QUEUE: Readonly<ListeningQueue> = Object.freeze({ articles: [] });

const isEntry = (value: unknown): value is QueuedArticle => {
  if (typeof value !== 'object' || value === null) return false;
  const { href, title, lang } = value as Record<string, unknown>;
  return typeof href === 'string' && href.startsWith('/') && typeof title === 'string' && typeof lang === 'string';
};

/** Usable entries, each page once; undefined (the empty queue) where the value is no list. */
const articleList: FieldCheck = (value) => {
  if (!Array.isArray(value)) return undefined;
  const seen = new Set<string>();
  return value.filter((entry) => isEntry(entry) && !seen.has(entry.href) && seen.add(entry.href));
};

export function parseQueue(text: string | null): Checked<ListeningQueue> {
  return parseFields(text, EMPTY_QUEUE, { articles: articleList });
}

/** The page's one queue store (see sharedStore). */
export function listeningQueue(): PreferenceStore<ListeningQueue> {
  return sharedStore(LISTENING_QUEUE_KEY, { defaults: EMPTY_QUEUE, parse: parseQueue });
}

/** A page's address as the queue keeps it: from the site's root, without its fragment. */
export const queueAddress = (href: string, base = document.baseURI) => {
  const url = new URL(href, base);
  return url.pathname + url.search;
};

export const isQueued = (queue: ListeningQueue, href: string) => queue.articles.some((a) => a.href === href);

/** Adds an article at the end of the queue (where it is not there already). */
export function enqueue(store: PreferenceStore<ListeningQueue>, ...articles: QueuedArticle[]) {
  const fresh = articles.filter((article) => !isQueued(store.value, article.href));
  if (fresh.length > 0) store.update({ articles: [...store.value.articles, ...fresh] });
  return fresh;
}

export function dequeue(store: PreferenceStore<ListeningQueue>, href: string) {
  if (isQueued(store.value, href)) store.update({ articles: store.value.articles.filter((a) => a.href !== href) });
}

/** Moves an article one place earlier in the queue. */
export function moveEarlier(store: PreferenceStore<ListeningQueue>, href: string) {
  const articles = [...store.value.articles];
  const at = articles.findIndex((a) => a.href === href);
  if (at <= 0) return;
  [articles[at - 1], articles[at]] = [articles[at], articles[at - 1]];
  store.update({ articles });
}

export function clearQueue(store: PreferenceStore<ListeningQueue>) {
  store.update({ articles: [] });
}
