// The small article both players' logic tests read: a title and intro, then two sections of
// two sentences each (9 segments: Title, Intro one, Intro two, First, Alpha one, Alpha two,
// Second, Beta one…, Beta two).
import { Lexicon } from '../../src/speech/lexicon.js';
import { buildScript } from '../../src/speech/spoken-script.js';

/** Its script; `betaOne` is the markup of the second section's first sentence, read with `lexicon`. */
export function smallArticleScript({ betaOne = 'Beta one.', lexicon = new Lexicon() } = {}) {
  const article = document.createElement('article');
  article.lang = 'en';
  article.innerHTML = `
    <h1>Title</h1><p>Intro one. Intro two.</p>
    <section><h2>First</h2><p>Alpha one. Alpha two.</p></section>
    <section><h2>Second</h2><p>${betaOne} Beta two.</p></section>`;
  return buildScript(article, lexicon);
}
