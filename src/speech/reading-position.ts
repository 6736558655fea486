// Where the listener stopped, kept across reloads and offline visits. It is matched by the
// sentence's text as well as its number, so an updated article does not resume mid-air.
import { PreferenceStorage } from '../preferences/preference-storage.js';
import type { SpokenScript } from './spoken-script.js';

interface Stored {
  article: string;
  index: number;
  sentence: string;
  section: string;
}

export interface SavedPosition {
  index: number;
  /** The title of the section it is in, for "Resume from …". */
  section: string;
}

export class ReadingPosition {
  private readonly storage: PreferenceStorage;
  private readonly article: string;

  constructor(article: string, storage = new PreferenceStorage('reader-edition:position')) {
    this.article = article;
    this.storage = storage;
  }

  /** What was saved for this article, without needing the script (for the first render). */
  peek(): Stored | undefined {
    try {
      const stored = JSON.parse(this.storage.read().text ?? 'null') as Partial<Stored> | null;
      if (stored?.article !== this.article || typeof stored.index !== 'number' || typeof stored.sentence !== 'string') return undefined;
      return { article: stored.article, index: stored.index, sentence: stored.sentence, section: String(stored.section ?? '') };
    } catch {
      return undefined;
    }
  }

  /** The saved position in this script, if its sentence is still there. */
  find(script: SpokenScript): SavedPosition | undefined {
    const stored = this.peek();
    if (!stored) return undefined;
    const at = script.segments[stored.index]?.spoken === stored.sentence ? stored.index : script.segments.findIndex((s) => s.spoken === stored.sentence);
    if (at < 0) return undefined;
    return { index: at, section: script.sections[script.segments[at].section].title };
  }

  save(script: SpokenScript, index: number) {
    const segment = script.segments[index];
    if (!segment) return;
    const stored: Stored = { article: this.article, index, sentence: segment.spoken, section: script.sections[segment.section].title };
    this.storage.write(JSON.stringify(stored));
  }

  clear() {
    this.storage.write('null');
  }
}
