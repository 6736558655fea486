// What the read-aloud player says, computed in Node: each article page is rendered as the build
// renders it, parsed with jsdom, and handed to the player's own buildScript with the lexicon the
// page carries, so the tests and transcripts hear exactly the sentences the browser would hand
// its speech engine.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { JSDOM } from 'jsdom';
import { ARTICLES_DIR, loadSite } from './site.mjs';
import { renderPage } from './page.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} ScriptLine
 * @property {number} index
 * @property {string} kind
 * @property {string} written the sentence as the page shows it
 * @property {string} spoken what the engine is given
 * @property {boolean} respelled whether the lexicon or a rule (web address, "#2") changed a written word
 *
 * @typedef {object} PageScript
 * @property {string} file the article source
 * @property {string} page
 * @property {ScriptLine[]} lines
 */

/** The player's script builder and lexicon, bundled from src/speech for Node. */
async function speechModules() {
  const result = await esbuild.build({
    stdin: {
      contents: "export { buildScript } from './src/speech/spoken-script.ts'; export { Lexicon } from './src/speech/lexicon.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  /** @type {{ buildScript: typeof import('../src/speech/spoken-script.ts').buildScript, Lexicon: typeof import('../src/speech/lexicon.ts').Lexicon }} */
  const modules = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  return modules;
}

/**
 * The spoken script of every article page.
 * @param {string} [dir]
 * @returns {Promise<PageScript[]>}
 */
export async function articleScripts(dir = ARTICLES_DIR) {
  const { buildScript, Lexicon } = await speechModules();
  const site = await loadSite(dir);
  return site.pages.map((page) => {
    const html = renderPage(page.article, { script: './main.js', stylesheet: './edition.css', headSnippet: '' }, page.lexicon, { site: site.config, page: page.page });
    // No scripts run and nothing is fetched: jsdom only parses the page.
    const { window } = new JSDOM(html);
    const { document } = window;
    const data = document.getElementById('pronunciation-lexicon')?.textContent;
    const lexicon = Lexicon.fromJson(data ? JSON.parse(data) : undefined);
    const article = document.querySelector('article');
    if (!article) throw new Error(`${page.file}: the rendered page has no <article>`);
    const script = buildScript(article, lexicon);
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

/**
 * What the player hands the engine for `written` on its own, with the page's lexicon.
 * @param {{ language: string, entries: { written: string, speak: string }[] }} pageLexicon
 * @returns {Promise<(written: string) => string>}
 */
export async function speaker(pageLexicon) {
  const { Lexicon } = await speechModules();
  const lexicon = Lexicon.fromJson(pageLexicon);
  return (written) => lexicon.speak(written).text;
}
