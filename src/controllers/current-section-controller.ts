import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
  private readonly above = new Set<Element>();

  constructor(host: ReactiveControllerHost, sections: () => Element[]) {
    this.host = host;
    this.sections = sections;
    host.addController(this);
  }

  hostConnected() {
    if (!('IntersectionObserver' in window)) return;
    const sections = this.sections();
    // The root margin moves the observed band's bottom edge to a third of the way down,
    // so a section counts as entered once its heading reaches the reading line.
    this.observer = new IntersectionObserver((entries) => this.update(entries, sections), {
      rootMargin: '0px 0px -66% 0px',
    });
    for (const section of sections) this.observer.observe(section);
  }

  hostDisconnected() {
    this.observer?.disconnect();
    this.observer = undefined;
    this.above.clear();
  }

  private update(entries: IntersectionObserverEntry[], sections: Element[]) {
    for (const entry of entries) {
      const started = entry.isIntersecting || entry.boundingClientRect.top < (entry.rootBounds?.top ?? 0);
      if (started) this.above.add(entry.target);
      else this.above.delete(entry.target);
    }
    const last = sections.filter((s) => this.above.has(s)).at(-1);
    // A section's heading is its first h2 (the summary table's is in the table's caption).
    const next = last?.querySelector('h2[id]')?.id;
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  }
}
