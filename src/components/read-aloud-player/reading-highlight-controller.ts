import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HighlightMode } from '../../preferences/listening-preferences.js';
import type { Segment } from '../../speech/spoken-script.js';

const SENTENCE = 'read-aloud-sentence';
const WORD = 'read-aloud-word';

/** A DOM range over `[start, end)` of an element's textContent. */
export function textRange(block: Element, start: number, end: number): Range {
  const range = document.createRange();
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let startSet = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!startSet && start <= offset + length) {
      range.setStart(node, start - offset);
      startSet = true;
    }
    if (startSet && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  range.selectNodeContents(block);
  return range;
}

/**
 * Marks the sentence being read, and the word where the engine reports word boundaries,
 * with the CSS Custom Highlight API: no change to the article's DOM, so screen readers and
 * find-in-page are undisturbed. Without the API, the whole block is marked instead.
 */
export class ReadingHighlightController implements ReactiveController {
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
  private marked?: Element;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The sentence's range, for scrolling it into view. */
  show(
    segment: Segment | undefined,
    word: { start: number; end: number } | undefined,
    mode: HighlightMode,
  ): Range | undefined {
    this.clear();
    // Only what is on this page is marked (the listening queue reads other articles' markup too).
    if (segment?.block.ownerDocument !== document) return undefined;
    const sentence = textRange(segment.block, segment.start, segment.end);
    if (mode === 'off') return sentence;
    if (!this.supported) {
      this.marked = segment.block;
      this.marked.setAttribute('data-reading', '');
      return sentence;
    }
    CSS.highlights.set(SENTENCE, new Highlight(sentence));
    if (mode === 'word' && word)
      CSS.highlights.set(WORD, new Highlight(textRange(segment.block, word.start, word.end)));
    return sentence;
  }

  clear() {
    if (this.supported) {
      CSS.highlights.delete(SENTENCE);
      CSS.highlights.delete(WORD);
    }
    this.marked?.removeAttribute('data-reading');
    this.marked = undefined;
  }

  hostDisconnected() {
    this.clear();
  }
}
