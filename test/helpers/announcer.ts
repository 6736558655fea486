// What the page's announcer (src/announcer.ts, its one status region) says, as a screen reader
// would hear it: each message once, in order, the same words twice when said twice.
import type { Edition } from './edition.js';

const REGION = '[data-edition-announcer]';

/** The region's words now ('' before the page has said anything). */
export const announced = (edition: Pick<Edition, 'doc'>) =>
  edition.doc.querySelector(REGION)?.textContent?.trim() ?? '';

/** Every status region in the page and in its components' shadow roots. */
export function statusRegions(edition: Edition): Element[] {
  const roots: (Document | ShadowRoot)[] = [edition.doc];
  for (const el of edition.doc.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots.flatMap((root) => [
    ...root.querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live], output'),
  ]);
}

/** Records every message from now on. */
export function listenToAnnouncer(edition: Pick<Edition, 'doc'>) {
  const heard: string[] = [];
  let cleared = true;
  const observer = new MutationObserver(() => {
    const text = announced(edition);
    if (text === '') cleared = true;
    else if (cleared) {
      heard.push(text);
      cleared = false;
    }
  });
  observer.observe(edition.doc.body, { childList: true, subtree: true, characterData: true });
  return {
    heard,
    stop: () => observer.disconnect(),
  };
}
