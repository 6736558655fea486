// A passage in another language, in the player on a real page (the fixture blog's English post
// with a French passage) with a fake engine: the passage is handed over alone, in French where the
// device has a French voice and in the post's English where it has none, each part with its own
// language's lexicon, and its sentence stays highlighted while each part is spoken. The real engine's side: fixture-articles.speech.test.ts.
import { expect } from 'chai';
import { openEdition } from '../helpers/edition.js';
import { fakeVoice, highlighted, startPlaying, type FakeVoice } from '../helpers/speech.js';
import { startEachTestAfresh } from '../helpers/storage.js';

const SENTENCE = "As my French editor put it, une liste bien tenue est un petit chef-d'œuvre, and an FAQ is one.";
/**
 * What the engine is handed: the passage with the French lexicon's respelling (chef-d'œuvre, whose
 * f is silent), the English around it with the English lexicon's (FAQ, said by its letters).
 */
const PARTS = ['As my French editor put it,', 'une liste bien tenue est un petit chèdeuvre', ', and an F.A.Q. is one.'];
const ENGLISH = fakeVoice('Test English', 'en-GB', { default: true });

/** Plays the post until its last sentence's parts are handed over; what each was said in, and the highlight then. */
async function partsHeard(voices: FakeVoice[]) {
  const edition = await openEdition({ path: '/fixture-site/notes-on-lists.html' });
  const speech = await startPlaying(edition, voices);
  const heard: { text: string; lang: string; highlighted: string }[] = [];
  // The post is some twenty utterances long; the bound keeps a broken player from looping for ever.
  for (let i = 0; i < 60 && heard.length < PARTS.length; i++) {
    const utterance = speech.spoken.at(-1)!;
    await speech.startOf(utterance);
    if (PARTS.includes(utterance.text.trim()))
      heard.push({ text: utterance.text.trim(), lang: utterance.lang, highlighted: highlighted(edition) });
    if (heard.length < PARTS.length) await speech.end();
  }
  return heard;
}

describe('a passage in another language', () => {
  startEachTestAfresh();

  it('is its own utterance in a voice for its language, its sentence highlighted throughout', async () => {
    const heard = await partsHeard([ENGLISH, fakeVoice('Test French', 'fr-FR')]);
    expect(heard).to.deep.equal([
      { text: PARTS[0], lang: 'en-GB', highlighted: SENTENCE },
      { text: PARTS[1], lang: 'fr', highlighted: SENTENCE },
      { text: PARTS[2], lang: 'en-GB', highlighted: SENTENCE },
    ]);
  });

  it('is said by the post’s voice, in its language, where the device has no voice for the passage’s', async () => {
    const heard = await partsHeard([ENGLISH]);
    expect(heard.map((h) => [h.text, h.lang, h.highlighted])).to.deep.equal(PARTS.map((p) => [p, 'en-GB', SENTENCE]));
  });

  it('has its language’s lexicon carried by the page beside the post’s (the tests above hear both applied)', async () => {
    const edition = await openEdition({ path: '/fixture-site/notes-on-lists.html' });
    const data = JSON.parse(edition.doc.getElementById('pronunciation-lexicon')!.textContent!);
    const respelling = (lexicon: { entries: { written: string; speak: string }[] }, written: string) =>
      lexicon.entries.find((e) => e.written === written)?.speak;
    // The post's English lexicon, and the French one for its French passage only.
    expect(data.language).to.equal('en');
    expect(respelling(data, 'FAQ')).to.equal('F.A.Q.');
    expect(data.others.map((other: { language: string }) => other.language)).to.deep.equal(['fr']);
    expect(respelling(data.others[0], "chef-d'œuvre")).to.equal('chèdeuvre');
  });
});
