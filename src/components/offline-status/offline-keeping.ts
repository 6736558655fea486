import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { announce } from '../../announcer.js';
import { KeptFilesController, type Kept } from '../../controllers/kept-files-controller.js';
import { ARTICLE_CACHE, AUDIO_CACHE, BOOK_CACHE } from '../../service-worker/kept-caches.js';
import { componentStyles } from '../../styles/component-styles.js';
import { fileSize } from '../../file-size.js';
import { firstUseWords, pageLanguage } from '../../words/first-use-words.js';
import { fill } from '../../words/template.js';

/** What the build says of the article's audio edition (generator/audio/page-audio.ts). */
interface AudioEdition {
  src: string;
  bytes: number;
  cues: string;
  chapters: string;
}

const absolute = (url: string) => new URL(url, document.baseURI).href;

/**
 * Out of the details as the reader asks to keep something, while the press still counts as
 * theirs: the details ask the browser to keep the site's storage then (storage-details-controller.ts).
 */
export const KEEP_ASKED = 'keep-asked';
/** Out of the details once something was kept or removed (or failed to be): what storage holds has changed. */
export const KEPT_CHANGED = 'kept-changed';

function audioEdition(): AudioEdition | undefined {
  try {
    const audio = JSON.parse(document.getElementById('audio-edition')?.textContent ?? 'null') as AudioEdition | null;
    return audio && typeof audio.src === 'string' && Number.isFinite(audio.bytes) ? audio : undefined;
  } catch {
    return undefined;
  }
}

/** The article's accessible book, where the page offers it (generator/book/page-book.ts): its address and size. */
function pageBook(): { href: string; bytes: number } | undefined {
  const link = document.querySelector<HTMLAnchorElement>('article .book-link a[href][data-bytes]');
  const bytes = Number(link?.dataset.bytes);
  return link && Number.isFinite(bytes) ? { href: link.href, bytes } : undefined;
}

/** Every picture file the article names (each width and format), so removing leaves none behind. */
function pictureFiles() {
  const urls = new Set<string>();
  for (const element of document.querySelectorAll<HTMLImageElement | HTMLSourceElement>(
    'article img, article picture source',
  )) {
    if (element instanceof HTMLImageElement && element.getAttribute('src')) urls.add(element.src);
    for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) urls.add(absolute(url));
    }
  }
  return [...urls];
}

/** The pictures the browser has already shown: kept with the page; the rest follow as they load. */
const shownPictures = () =>
  [...document.querySelectorAll<HTMLImageElement>('article img')]
    .filter((img) => img.complete && img.currentSrc)
    .map((img) => img.currentSrc);

type FileKind = 'audio' | 'book';

/** A file kept apart from its article, on request: its cache entry, its size, and the files kept with it. */
interface KeptFile {
  kept: KeptFilesController;
  bytes: number;
  with: string[];
}

/** The words for each kind of file kept apart. */
function fileWords(kind: FileKind) {
  const words = firstUseWords().offline;
  return kind === 'audio'
    ? { status: words.audio, keep: words.keepAudio, remove: words.removeAudio, removed: words.audioRemoved }
    : { status: words.book, keep: words.keepBook, remove: words.removeBook, removed: words.bookRemoved };
}

/**
 * In the offline details of an article: whether this article, its audio edition and its e-book are
 * kept on this device, with **Keep this article offline** / **Remove from this device**, **Keep
 * audio for offline** / **Remove audio from this device**, and **Keep the e-book for offline** /
 * **Remove the e-book from this device** (each with its size: the audio and the book may weigh
 * megabytes, so neither comes with the article unasked). Loaded when the details first open.
 *
 * Each control is one button whose words change with the state, so focus stays on it when
 * it turns from Keep into Remove. While it works it is aria-disabled, not disabled, for the same
 * reason. What happened is said through the page's announcer.
 *
 * @fires keep-asked - as the reader presses a Keep button
 * @fires kept-changed - once keeping or removing has finished
 */
@customElement('offline-keeping')
export class OfflineKeeping extends LitElement {
  static override styles = [
    componentStyles,
    css`
      p {
        margin: 0 0 0.5rem;
      }

      section {
        margin-bottom: 0.75rem;
      }

      section:last-child {
        margin-bottom: 0;
      }

      button[aria-disabled='true'] {
        cursor: progress;
      }
    `,
  ];

  /** 'article': an article kept by itself; 'home-article': the one article, saved as the home page. */
  @property() page: 'article' | 'home-article' = 'article';

  private readonly article = new KeptFilesController(this, ARTICLE_CACHE, location.origin + location.pathname);
  /** The audio edition (with its cue and chapter tracks) and the e-book, where the page has them. */
  private readonly files: Record<FileKind, KeptFile | undefined> = {
    audio: this.audioFile(),
    book: this.bookFile(),
  };

  private audioFile(): KeptFile | undefined {
    const audio = audioEdition();
    if (!audio) return undefined;
    const kept = new KeptFilesController(this, AUDIO_CACHE, absolute(audio.src));
    return { kept, bytes: audio.bytes, with: [absolute(audio.cues), absolute(audio.chapters)] };
  }

  private bookFile(): KeptFile | undefined {
    const book = pageBook();
    return book && { kept: new KeptFilesController(this, BOOK_CACHE, book.href), bytes: book.bytes, with: [] };
  }

  override render() {
    return html`${this.articleSection()}${this.fileSection('audio')}${this.fileSection('book')}`;
  }

  private articleSection() {
    const words = firstUseWords().offline;
    if (this.page === 'home-article') return html`<section><p>${words.homeArticle}</p></section>`;
    const { state } = this.article;
    if (state === 'unsupported') return nothing;
    const kept = state === 'kept' || state === 'removing';
    return html`<section>
      <p class="article-kept">${words.article[state]}</p>
      ${
        state === 'checking'
          ? nothing
          : html`<button type="button" class="keep-article" aria-disabled=${busy(state)} @click=${this.toggleArticle}>
            ${kept ? words.removeArticle : words.keepArticle}
          </button>`
      }
    </section>`;
  }

  /** The audio's or the book's part: a file kept only when asked, its size said. */
  private fileSection(kind: FileKind) {
    const file = this.files[kind];
    if (!file) return nothing;
    const { state } = file.kept;
    if (state === 'unsupported') return nothing;
    const words = fileWords(kind);
    const size = fileSize(file.bytes, firstUseWords().offline, pageLanguage());
    const kept = state === 'kept' || state === 'removing';
    return html`<section>
      <p class="${kind}-kept">${fill(words.status[state], { size })}</p>
      ${
        state === 'checking'
          ? nothing
          : html`<button type="button" class="keep-${kind}" aria-disabled=${busy(state)} @click=${() => this.toggleFile(kind)}>
            ${kept ? words.remove : fill(words.keep, { size })}
          </button>`
      }
    </section>`;
  }

  private async toggleFile(kind: FileKind) {
    const file = this.files[kind];
    if (!file || busy(file.kept.state)) return;
    // Read after each await: the controller's state moves on meanwhile.
    const now = (): Kept => file.kept.state;
    if (now() === 'kept') await file.kept.remove(file.with);
    else {
      this.tell(KEEP_ASKED);
      await file.kept.keep(file.with);
    }
    this.tell(KEPT_CHANGED);
    const words = fileWords(kind);
    const size = fileSize(file.bytes, firstUseWords().offline, pageLanguage());
    announce(now() === 'not-kept' ? words.removed : fill(words.status[now()], { size }), 'offline');
  }

  private async toggleArticle() {
    const files = this.article;
    // Read after each await: the controller's state moves on meanwhile.
    const now = (): Kept => files.state;
    const words = firstUseWords().offline;
    if (busy(now())) return;
    if (now() === 'kept') {
      await files.remove(pictureFiles());
      this.tell(KEPT_CHANGED);
      announce(now() === 'not-kept' ? words.removedArticle : words.article[now()], 'offline');
      return;
    }
    this.tell(KEEP_ASKED);
    await files.keep(shownPictures());
    this.tell(KEPT_CHANGED);
    // The pictures not shown yet load now, through the worker, which keeps them with their page.
    if (now() === 'kept')
      for (const img of document.querySelectorAll<HTMLImageElement>('article img[loading="lazy"]'))
        img.loading = 'eager';
    announce(words.article[now()], 'offline');
  }

  private tell(type: typeof KEEP_ASKED | typeof KEPT_CHANGED) {
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }
}

const busy = (state: Kept) => state === 'keeping' || state === 'removing';

declare global {
  interface HTMLElementTagNameMap {
    'offline-keeping': OfflineKeeping;
  }
}
