// What the read-aloud player says, computed in Node: each article page is rendered as the build
// renders it, parsed with jsdom, and handed to the player's own buildScript with the lexicons the
// page carries, so the tests and transcripts hear exactly the sentences the browser would hand
// its speech engine.
import { JSDOM } from 'jsdom';
import { ARTICLES_DIR, loadSite } from '../site.ts';
import { renderPage } from '../page/page.ts';
import { buildScript, type SegmentKind } from '../../src/speech/spoken-script.ts';
import { Lexicon } from '../../src/speech/lexicon.ts';
import type { BrowserLexicon } from './lexicon.ts';

export interface ScriptLine {
  index: number;
  kind: SegmentKind;
  /** The sentence as the page shows it. */
  written: string;
  /** What the engine is given. */
  spoken: string;
  /** Whether the lexicon or a rule (web address, "#2") changed a written word. */
  respelled: boolean;
}

export interface PageScript {
  /** The article source. */
  file: string;
  page: string;
  lines: ScriptLine[];
}

/** The spoken script of every article page. */
export async function articleScripts(dir = ARTICLES_DIR): Promise<PageScript[]> {
  const site = await loadSite(dir);
  return site.pages.map((page) => {
    const html = renderPage(
      page.article,
      { script: './main.js', stylesheet: './edition.css', headSnippet: '' },
      page.lexicon,
      { site: site.config, page: page.page },
    );
    // No scripts run and nothing is fetched: jsdom only parses the page.
    const { window } = new JSDOM(html);
    const { document } = window;
    const data = document.getElementById('pronunciation-lexicon')?.textContent;
    const json: unknown = data ? JSON.parse(data) : undefined;
    const article = document.querySelector('article');
    if (!article) throw new Error(`${page.file}: the rendered page has no <article>`);
    const script = buildScript(article, Lexicon.fromJson(json), undefined, Lexicon.othersFromJson(json));
    const lines = script.segments.map((s) => ({
      index: s.index,
      kind: s.kind,
      written: (s.block.textContent ?? '').slice(s.start, s.end),
      spoken: s.spoken,
      respelled: s.pieces.some((p) => p.replaced && p.writtenEnd > p.writtenStart),
    }));
    window.close();
    return { file: page.file, page: page.page, lines };
  });
}

/** What the player hands the engine for `written` on its own, with the page's lexicon. */
export async function speaker(pageLexicon: BrowserLexicon): Promise<(written: string) => string> {
  const lexicon = Lexicon.fromJson(pageLexicon);
  return (written) => lexicon.speak(written).text;
}
