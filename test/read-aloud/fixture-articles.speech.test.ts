// Read aloud over a publisher's posts (the fixture blog, served at /fixture-site/ by
// test/plugins/fixture-site-plugin.ts), end to end with the real engine (Chromium →
// speech-dispatcher → espeak-ng), asserting on what the engine was handed: code is announced
// by its name and not read, meaningful pictures by their alt text, decoration not at all,
// footnotes where the README says (the marks skipped, the notes read as a last section);
// and a French post is read with French glue words by a French voice, and a French passage in an
// English post by a French voice, as speech-dispatcher's log shows.
import { expect } from 'chai';
import { openEdition, type Edition } from '../helpers/edition.js';
import { playerOf } from '../helpers/player.js';
import { listenTo, type Heard } from '../helpers/speech.js';
import { dispatchedSince, speechLogEnd } from '../helpers/speech-dispatcher-log.js';
import { LISTENING_KEY, startEachTestAfresh } from '../helpers/storage.js';
import { voicesListed } from '../helpers/waiting.js';

const SITE = '/fixture-site/';

async function openWithVoices(page: string) {
  // The fastest rate the player offers, so a whole post is heard in seconds.
  localStorage.setItem(LISTENING_KEY, JSON.stringify({ rate: 3 }));
  const edition = await openEdition({ path: `${SITE}${page}` });
  // The engine's voice list arrives after a moment; the player waits for it too.
  await voicesListed(edition.win);
  return edition;
}

/** Presses Listen and resolves with everything the engine was handed, once it has said `last`. */
async function listenToTheEnd(edition: Edition, last: RegExp): Promise<Heard[]> {
  const ear = listenTo(edition);
  const lastWords = ear.nextStart(last, 90_000);
  playerOf(edition).listen()!.click();
  const end = await lastWords.catch((error: Error) => {
    throw new Error(`${error.message}; heard:\n${texts(ear.heard).join('\n')}`);
  });
  // Nothing follows the end of the article: when the engine is done with the last words is
  // when the player would hand it more (it answers that event before this test hears of it).
  await ear.settled(end);
  expect(end.error, `the last words said to their end`).to.equal(undefined);
  expect(ear.handed.at(-1), `ends with ${last}:\n${texts(ear.handed).join('\n')}`).to.equal(end);
  return ear.heard;
}

const texts = (heard: Heard[]) => heard.map((h) => h.text);

/** The position of each utterance, which must be there, in the order given. */
function inOrder(heard: string[], expected: (string | RegExp)[]) {
  let from = 0;
  for (const item of expected) {
    const at = heard.findIndex((text, i) => i >= from && (typeof item === 'string' ? text === item : item.test(text)));
    expect(at, `“${item}” after utterance ${from}, in:\n${heard.join('\n')}`).to.be.at.least(from);
    from = at + 1;
  }
}

describe('read aloud over a publisher’s posts, with a real speech engine', function () {
  this.timeout(180_000);
  startEachTestAfresh();

  it('announces code by its name instead of reading it, pictures by their alt text, and the notes at the end', async () => {
    const edition = await openWithVoices('borrowing-in-rust.html');
    const utterances = await listenToTheEnd(
      edition,
      /^Since the 2018 edition a borrow ends where it is last used, not at the end of its block\.$/,
    );
    const heard = texts(utterances);
    const report = `\n${heard.join('\n')}`;

    inOrder(heard, [
      'Borrowing in Rust, gently',
      /^Rust lets many parts of a program read a value at once/,
      'Image: Two boxes joined by an arrow: the owner on the left lends to the borrower on the right',
      'The owner lends; the borrower gives it back when its scope ends.',
      'Section: Owners and borrowers',
      // The reference mark after "owner." is not read: the sentence goes straight on.
      'Every value has one owner.',
      'When the owner goes out of scope, the value is dropped.',
      /so the caller keeps it\.$/,
      'Code example in Rust, 12 lines',
      'Image: Ada Fernsby, drawn as a circle',
      'Section: Shared and exclusive references',
      'Section: Pictures from the hills',
      'Image: Green hills under a pale sky with the sun low on the right',
      'Where the first draft of this post was written.',
      'Code example, 2 lines',
      'Section: Notes',
      'Values that are Copy, such as integers, are copied instead of moved.',
      'Since the 2018 edition a borrow ends where it is last used, not at the end of its block.',
    ]);
    // Each code block is one announcement; none of its text reaches the engine.
    for (const code of ['fn longest', 'first.len()', 'println', 'String::from', 'cargo run']) {
      expect(
        heard.filter((text) => text.includes(code)),
        `${code}:${report}`,
      ).to.deep.equal([]);
    }
    expect(heard.filter((text) => text.startsWith('Code example')).length).to.equal(2);
    // Three meaningful pictures; the decorative flourish (alt="") says nothing, not even "Image:".
    const images = heard.filter((text) => /^Image\b/.test(text));
    expect(images.length, report).to.equal(3);
    expect(edition.doc.querySelectorAll('article img[alt=""]').length, 'the post has a decorative picture').to.equal(1);
    // No footnote marks, no back links.
    expect(
      heard.filter((text) => /\[\d\]|↩|Back to reference/.test(text)),
      report,
    ).to.deep.equal([]);
    // Every utterance in English, with an English voice.
    expect(
      utterances.filter((h) => !h.lang.startsWith('en') || (h.voice && !h.voice.lang.startsWith('en'))),
    ).to.deep.equal([]);
  });

  it('reads a French post with the French phrases, in French, with a French voice', async () => {
    const edition = await openWithVoices('un-article-en-francais.html');
    const frenchVoices = edition.win.speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('fr'));
    expect(frenchVoices.length, 'espeak-ng has French voices').to.be.greaterThan(0);
    const utterances = await listenToTheEnd(
      edition,
      /^On retient mieux les idées que l'on a entendues dans l'ordre\.$/,
    );
    const heard = texts(utterances);
    const report = `\n${heard.join('\n')}`;

    inOrder(heard, [
      'Lire à voix haute',
      /^Écouter un texte n'est pas le lire\./,
      // With the French lexicon's respelling: espeak-ng reads the written « rythme » as English.
      'Section : Le ritme de la voix',
      "Citation : Une phrase bien écrite se comprend à l'oreille.",
      'Fin de citation, de Claire Dubois, autrice',
      'Section : Ce qui change',
    ]);
    // No English glue word reaches the French voice.
    expect(
      heard.filter((text) => /\b(Section|Quote|End of quote|Image|Code example):/.test(text)),
      report,
    ).to.deep.equal([]);
    // The English words the post marks (lang="en") are their own utterance, in an English voice;
    // the rest of their sentence is French.
    expect(
      heard.map((text) => text.trim()),
      report,
    ).to.include.members(["C'est une autre attention, que les Anglais appellent", 'close listening.']);
    for (const h of utterances) {
      const lang = h.text.trim() === 'close listening.' ? 'en' : 'fr';
      expect(h.lang, h.text).to.equal(lang);
      expect(h.voice?.lang.toLowerCase(), `${h.text}: a voice for ${lang}`).to.match(new RegExp(`^${lang}`));
    }
  });

  it('says the French passage of an English post with a French espeak-ng voice, its sentence highlighted throughout', async () => {
    const from = await speechLogEnd();
    const edition = await openWithVoices('notes-on-lists.html');
    const ear = listenTo(edition);
    const after = ear.nextStart(/and an F\.A\.Q\. is one\.$/, 90_000);
    playerOf(edition).listen()!.click();
    await after;
    const sentence = "As my French editor put it, une liste bien tenue est un petit chef-d'œuvre, and an FAQ is one.";
    const parts = [
      'As my French editor put it,',
      'une liste bien tenue est un petit chèdeuvre',
      ', and an F.A.Q. is one.',
    ];
    // What speech-dispatcher was handed, and in which voice: the passage alone in French with the
    // French lexicon's respelling, the rest of its sentence before and after it in the post's
    // English with the English lexicon's.
    const messages = (await dispatchedSince(from)).map((m) => ({ ...m, text: m.text.trim() }));
    const report = `\n${messages.map((m) => `${m.voice} [${m.language}]: ${m.text}`).join('\n')}`;
    const at = messages.findIndex((m) => m.text === parts[0]);
    expect(at, report).to.be.at.least(0);
    const [before, passage, rest] = messages.slice(at, at + 3);
    expect([before.text, passage.text, rest.text], report).to.deep.equal(parts);
    expect(passage.language, report).to.equal('fr');
    expect(passage.voice, report).to.match(/^French\b/);
    for (const english of [before, rest]) {
      expect(english.language, report).to.equal('en-GB');
      expect(english.voice, report).to.match(/^English\b/);
    }
    // The page kept the whole sentence highlighted while each of its parts was spoken.
    const heard = ear.heard.filter((h) => parts.includes(h.text.trim()));
    expect(
      heard.map((h) => h.highlighted),
      texts(ear.heard).join('\n'),
    ).to.deep.equal([sentence, sentence, sentence]);
  });
});
