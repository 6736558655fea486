import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The reading line, in percent of the viewport's height from its top. */
const READING_LINE = 34;

/**
 * Tracks which section of the article the reader is in: the last section whose
 * heading has scrolled past the top third of the viewport. Without IntersectionObserver
 * it stays `undefined` and the host simply shows no current section.
 */
export class CurrentSectionController implements ReactiveController {
  /** The id of the heading that starts the current section. */
  current: string | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly sections: () => Element[];
  private observer?: IntersectionObserver;

  constructor(host: ReactiveControllerHost, sections: () => Element[]) {
    this.host = host;
    this.sections = sections;
    host.addController(this);
  }

  hostConnected() {
    if (!('IntersectionObserver' in window)) return;
    const sections = this.sections();
    // The root margin moves the observed band's bottom edge to the reading line, so the
    // observer calls back whenever a section's top crosses it.
    this.observer = new IntersectionObserver((entries) => this.update(sections, entries), {
      rootMargin: `0px 0px -${100 - READING_LINE}% 0px`,
    });
    for (const section of sections) this.observer.observe(section);
  }

  hostDisconnected() {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /**
   * Measures every section, not only those the observer reported: it reports a section only
   * when its own intersection changes, and a jump (a contents link or Home with reduced
   * motion, a screen reader moving through the page) carries sections from above the
   * screen to below it, or back, without their ever meeting the band. Where the observer
   * reported them all (its first call does), it measured them with the frame: reading those
   * forces no layout, which on load would be the page's whole layout again in this task.
   */
  private update(sections: Element[], entries: IntersectionObserverEntry[]) {
    const line = (window.innerHeight * READING_LINE) / 100;
    const reported = new Map(entries.map((entry) => [entry.target, entry.boundingClientRect.top]));
    const top = (section: Element) =>
      reported.size === sections.length ? reported.get(section)! : section.getBoundingClientRect().top;
    const last = sections.filter((section) => top(section) < line).at(-1);
    // A section's heading is its first h2.
    const next = last?.querySelector('h2[id]')?.id;
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  }
}
