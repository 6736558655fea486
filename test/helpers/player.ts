// Drives the read-aloud player inside an edition frame through its own buttons.
import { announced } from './announcer.js';
import type { Edition } from './edition.js';

export function playerOf(edition: Edition) {
  const host = edition.doc.querySelector('read-aloud-player')!;
  const root = host.shadowRoot!;
  const q = <T extends Element = HTMLButtonElement>(selector: string) => root.querySelector<T>(selector);
  return {
    host,
    root,
    listen: () => q('.listen'),
    button: (name: string) => q(`.${name}`),
    where: () => q<HTMLElement>('.where')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    /** What the page's announcer says now (the player speaks through it). */
    status: () => announced(edition),
    problem: () => q<HTMLElement>('.problem')?.textContent?.trim(),
    note: () => q<HTMLElement>('.note')?.textContent?.trim(),
    rate: () => q<HTMLSelectElement>('select.rate'),
    bar: () => q<HTMLElement>('.bar'),
    async rendered() {
      await (host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    },
  };
}
