// Each page carries the lexicon of its article's language and those of the other languages its
// article marks passages in, and the build-time script (the audio edition's, the book's media
// overlay's) says each passage with its own language's lexicon, as the player does
// (test/read-aloud/passage-voices.test.ts hears it in the browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSite } from '../../generator/site.ts';
import { renderPage } from '../../generator/page/page.ts';
import { spokenScript } from '../../generator/audio/spoken-script.ts';
import { markedLanguages, type PageLexicon } from '../../generator/lexicon/lexicon.ts';

const BLOG = 'test/fixtures/articles/blog';
const ASSETS = { script: './main.js', headSnippet: '' };

async function pageOf(name: string) {
  const site = await loadSite(BLOG);
  const page = site.pages.find((p) => p.page === name);
  assert.ok(page, name);
  return page;
}

const languages = (lexicon: string | null) => {
  const data = JSON.parse(lexicon ?? 'null') as PageLexicon | null;
  return [data?.language, (data?.others ?? []).map((other) => other.language)];
};

test('a page carries its article language’s lexicon and those of the languages its passages are marked in', async () => {
  const english = await pageOf('notes-on-lists.html');
  assert.deepEqual(languages(english.lexicon), ['en', ['fr']]);
  // The French post quotes « close listening » in English.
  const french = await pageOf('un-article-en-francais.html');
  assert.deepEqual(languages(french.lexicon), ['fr', ['en']]);
  assert.equal(french.pronunciations?.language, 'fr');
  // Its own language's only, where it marks no passage.
  assert.deepEqual(languages((await pageOf('borrowing-in-rust.html')).lexicon), ['en', []]);
  // Where the page embeds it, for the player.
  const html = renderPage(english.article, ASSETS, english.lexicon);
  assert.match(
    html,
    /<script type="application\/json" id="pronunciation-lexicon">\{"language":"en",.*"others":\[\{"language":"fr"/,
  );
});

test('the languages an article marks are found by primary subtag, its own left out', () => {
  assert.deepEqual(
    markedLanguages(
      '<p>A <span lang="fr-CA">mot</span>, <q lang="de">Wort</q>, <i lang="en-US">word</i>, <b lang="FR">mot</b>.</p>',
      'en-GB',
    ),
    ['fr', 'de'],
  );
});

test('the build-time script says a passage with its language’s lexicon, the words around it with the article’s', async () => {
  const page = await pageOf('notes-on-lists.html');
  const script = await spokenScript(renderPage(page.article, ASSETS, page.lexicon), page.lexicon);
  const sentence = script.sentences.find((s) => s.written.startsWith('As my French editor'));
  assert.equal(
    sentence?.written,
    "As my French editor put it, une liste bien tenue est un petit chef-d'œuvre, and an FAQ is one.",
  );
  assert.equal(
    sentence?.text,
    'As my French editor put it, une liste bien tenue est un petit chèdeuvre, and an F.A.Q. is one.',
  );
  // The French post with its own lexicon: espeak-ng reads the written « rythme » as English.
  const french = await pageOf('un-article-en-francais.html');
  const heading = (
    await spokenScript(renderPage(french.article, ASSETS, french.lexicon), french.lexicon)
  ).sentences.find((s) => s.kind === 'heading');
  assert.equal(heading?.text, 'Section : Le ritme de la voix');
});
