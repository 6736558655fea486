// What a reader sees of the article on the first screen: where the title starts and how many
// lines of the article's body text show whole before scrolling.
import type { Edition } from './edition.js';

/** Text that is the article's body: not its title or byline, headings, captions, or what the edition adds. */
const NOT_BODY = '.article-header, h2, h3, h4, caption, [data-edition]';

export interface FirstScreen {
  /** The title's top, in CSS px from the top of the screen. */
  titleTop: number;
  /** Lines of body text wholly on screen (and not under anything fixed to it). */
  bodyLines: number;
}

export function firstScreen(edition: Edition): FirstScreen {
  const { doc, win } = edition;
  const title = doc.querySelector('article h1')!.getBoundingClientRect();
  const tops = new Set<number>();
  const walker = doc.createTreeWalker(doc.querySelector('article')!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.trim() || node.parentElement!.closest(NOT_BODY)) continue;
    const range = doc.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      if (line.height < 1 || line.top < 0 || line.bottom > win.innerHeight) continue;
      // Under a docked bar or an open sheet, a line is not seen.
      const middle = doc.elementFromPoint(line.left + Math.min(line.width, 8) / 2, (line.top + line.bottom) / 2);
      if (middle && !doc.querySelector('article')!.contains(middle)) continue;
      tops.add(Math.round(line.top));
    }
  }
  return { titleTop: Math.round(title.top), bodyLines: tops.size };
}
