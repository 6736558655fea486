// What the page's announcer (src/announcer.ts, its one status region) says, as a screen reader
// would hear it: each message once, in order, the same words twice when said twice.
import type { Edition } from './edition.js';
import { events, mutations, nextEvent, until } from './waiting.js';

const REGION = '[data-edition-announcer]';

/** The region's words now ('' before the page has said anything). */
export const announced = (edition: Pick<Edition, 'doc'>) =>
  edition.doc.querySelector(REGION)?.textContent?.trim() ?? '';

/** Resolves once the region says `text` (it is made, and written, a moment after a component speaks). */
export function announcement(edition: Pick<Edition, 'doc'>, text: string, timeout?: number) {
  return until(
    () => announced(edition) === text,
    () => `the announcer to say “${text}” (it says “${announced(edition)}”)`,
    mutations(edition.doc.body),
    timeout,
  );
}

/** Every status region in the page and in its components' shadow roots. */
export function statusRegions(edition: Edition): Element[] {
  const roots: (Document | ShadowRoot)[] = [edition.doc];
  for (const el of edition.doc.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots.flatMap((root) => [
    ...root.querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live], output'),
  ]);
}

/** Records every message from now on; `next` and `said` wait for one. */
export function listenToAnnouncer(edition: Pick<Edition, 'doc'>) {
  const heard: string[] = [];
  const messages = new EventTarget();
  let cleared = true;
  const observer = new MutationObserver(() => {
    const text = announced(edition);
    if (text === '') cleared = true;
    else if (cleared) {
      heard.push(text);
      cleared = false;
      messages.dispatchEvent(new CustomEvent('message', { detail: text }));
    }
  });
  observer.observe(edition.doc.body, { childList: true, subtree: true, characterData: true });
  const matches = (text: string, match?: string | RegExp) =>
    match === undefined || (typeof match === 'string' ? text === match : match.test(text));
  const what = (match?: string | RegExp) => () =>
    `the announcer to say ${match ?? 'something'} (heard: ${heard.join(' | ') || 'nothing'})`;
  return {
    heard,
    /** The next message heard from now (the next that matches, when given). */
    async next(match?: string | RegExp) {
      return (
        await nextEvent<CustomEvent<string>>(messages, 'message', (event) => matches(event.detail, match), what(match))
      ).detail;
    },
    /** Resolves once a message matching `match` has been heard, already or from now. */
    said(match: string | RegExp) {
      return until(() => heard.some((text) => matches(text, match)), what(match), events(messages, 'message'));
    },
    stop: () => observer.disconnect(),
  };
}
