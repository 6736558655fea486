// Drives the read-aloud player inside an edition frame through its own buttons.
import type { ReactiveControllerHost } from 'lit';
import { announced } from './announcer.js';
import type { Edition } from './edition.js';
import { updates } from './waiting.js';

export function playerOf(edition: Edition) {
  const host = edition.doc.querySelector('read-aloud-player')!;
  const root = host.shadowRoot!;
  const q = <T extends Element = HTMLButtonElement>(selector: string) => root.querySelector<T>(selector);
  const rendered = async () => {
    await (host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  };
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
    rendered,
    /** Each render of the player: it renders whenever the player reading changes, or which one reads. */
    renders: updates(host as unknown as ReactiveControllerHost),
    /** Starts listening and opens More options: the voice menu, once rendered. */
    async voiceMenu() {
      await rendered();
      q('.listen')!.click();
      await rendered();
      q('.more')!.click();
      await rendered();
      return q<HTMLSelectElement>('select.voice')!;
    },
  };
}
