// The spoken script of a rendered page, built at build time by the very code the live player
// runs (src/speech/spoken-script.ts and its lexicon), so the audio edition says exactly what
// the device voice says: structure announcements, quote attributions, table rows with their
// headers, lexicon respellings;
// jsdom gives it the page's DOM (tables included: the script reads tHead, rows and cellIndex).
import { JSDOM } from 'jsdom';
import { buildScript } from '../../src/speech/spoken-script.ts';
import { Lexicon } from '../../src/speech/lexicon.ts';

/**
 * @typedef {object} ScriptSentence
 * @property {string} text what the engine is given
 * @property {number} section index into the script's sections
 * @property {string} kind the segment's kind (title, heading, text, quote, attribution, cell, question)
 * @property {number} block which element it is read from, counted in reading order (a paragraph, a heading, a cell)
 *
 * @typedef {object} ScriptSection
 * @property {string} title
 * @property {number} first index of the section's first sentence
 *
 * @typedef {object} SpokenScript
 * @property {string} lang
 * @property {ScriptSentence[]} sentences
 * @property {ScriptSection[]} sections
 */

/**
 * The script the player builds for the page's <article>, with the page's lexicon.
 * @param {string} html the page as served
 * @param {string | null} lexicon the pronunciation lexicon JSON the page embeds, or none
 * @returns {Promise<SpokenScript>}
 */
export async function spokenScript(html, lexicon) {
  const { window } = new JSDOM(html);
  try {
    const article = window.document.querySelector('article');
    if (!article) throw new Error('the page has no <article> to read');
    // As the player does: the language is the article's own (its closest lang attribute).
    const lang = article.closest('[lang]')?.getAttribute('lang') ?? 'en';
    const script = buildScript(article, Lexicon.fromJson(lexicon ? JSON.parse(lexicon) : undefined), lang);
    /** @type {Map<Element, number>} */
    const blocks = new Map();
    const blockOf = (/** @type {Element} */ element) => blocks.get(element) ?? blocks.set(element, blocks.size).size - 1;
    return {
      lang: script.lang,
      sentences: script.segments.map((/** @type {any} */ s) => ({ text: s.spoken, section: s.section, kind: s.kind, block: blockOf(s.block) })),
      sections: script.sections.map((/** @type {any} */ s) => ({ title: s.title, first: s.first })),
    };
  } finally {
    window.close();
  }
}
