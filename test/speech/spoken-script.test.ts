import { expect } from '@esm-bundle/chai';
import { Lexicon, writtenAt } from '../../src/speech/lexicon.js';
import { sentenceSpans } from '../../src/speech/segmenter.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { SECTIONS } from '../helpers/article-outline.js';
import { closeEditions, openEdition } from '../helpers/edition.js';

const lexiconJson = async () => (await fetch('/assets/lexicon/en.json')).json();

describe('sentence segmentation', () => {
  it('splits on sentence ends, not inside names and titles', () => {
    const text = 'She wasn’t. She was exhausted and curious in equal measure. Roland Griffiths PhD Oliver Lee McCabe III Professor said so!  Why? ';
    const sentences = sentenceSpans(text, 'en').map(({ start, end }) => text.slice(start, end));
    expect(sentences).to.deep.equal([
      'She wasn’t.',
      'She was exhausted and curious in equal measure.',
      'Roland Griffiths PhD Oliver Lee McCabe III Professor said so!',
      'Why?',
    ]);
  });

  it('gives nothing for white space', () => {
    expect(sentenceSpans('   \n ', 'en')).to.deep.equal([]);
  });
});

describe('pronunciation lexicon', () => {
  it('says listed words as written in the lexicon, whole words only, and maps offsets back', async () => {
    const lexicon = Lexicon.fromJson(await lexiconJson());
    const written = 'Robin Carhart Harris PhD III led a psilocybin trial; PhDs and IIIrd stay.';
    const spoken = lexicon.speak(written);
    // Words the engines read right (Carhart Harris, PhD) are given to them as written.
    expect(spoken.text).to.equal('Robin Carhart Harris PhD the third led a sighla sighbin trial; PhDs and IIIrd stay.');
    // A spoken offset inside a replaced word highlights the whole written word.
    const inPsilocybin = spoken.text.indexOf('sighla sighbin') + 8;
    const span = writtenAt(spoken.pieces, inPsilocybin)!;
    expect(written.slice(span.start, span.end)).to.equal('psilocybin');
    // Outside replacements, offsets map one to one.
    const led = writtenAt(spoken.pieces, spoken.text.indexOf('led'))!;
    expect(written.slice(led.start)).to.match(/^led/);
  });

  it('says a web address as its site name, respelled where the lexicon lists the site', () => {
    const spoken = new Lexicon().speak('Learn more at www.antoniominichiello.com and https://www.takeachef.com/it-it/chef/x2');
    expect(spoken.text).to.equal('Learn more at antoniominichiello.com and takeachef.com');
    const listed = new Lexicon([{ written: 'takeachef.com', spoken: 'take a chef dot com' }]);
    expect(listed.speak('See https://www.takeachef.com/it-it/chef/x2 or takeachef.com.').text).to.equal('See take a chef dot com or take a chef dot com.');
  });

  it('says a number sign as "number", outside web addresses', () => {
    const spoken = new Lexicon().speak("Zagat's #2 Best Italian Restaurant, see example.com/list#2 and #2a");
    expect(spoken.text).to.equal("Zagat's number 2 Best Italian Restaurant, see example.com and #2a");
  });

  it('uses each entry’s default respelling, and ignores entries without one or malformed', () => {
    const lexicon = Lexicon.fromJson({
      entries: [
        { written: 'a' },
        null,
        { written: '', speak: 'x' },
        { written: 'III', speak: 'the third' },
        { written: 'café', ipa: 'kæˈfeɪ', speak: { flite: 'cafay' } },
        { written: 'Verandah', speak: { default: 'veranda', flite: 'veranda' } },
      ],
    });
    expect(lexicon.speak('a III café at Verandah').text).to.equal('a the third café at veranda');
    expect(Lexicon.fromJson('nonsense').speak('PhD').text).to.equal('PhD');
  });
});

describe('spoken script of the article', () => {
  afterEach(closeEditions);

  async function articleScript() {
    const { doc } = await openEdition();
    return buildScript(doc.querySelector('article')!, Lexicon.fromJson(await lexiconJson()));
  }

  it('reads the title, then every section announced as such', async () => {
    const script = await articleScript();
    expect(script.lang).to.equal('en');
    expect(script.sections.map((s) => s.title)).to.deep.equal(['Opening', ...SECTIONS]);
    expect(script.segments[0].spoken).to.match(/^After 31 Years/);
    expect(script.segments[0].kind).to.equal('title');
    expect(script.segments[1].spoken).to.match(/^There are moments in medicine/);
    const heading = script.segments[script.sections[1].first];
    expect(heading.spoken).to.equal('Section: When the same pills stopped working');
    // Nothing the edition adds (reading time) is read.
    expect(script.segments.some((s) => /min read/.test(s.spoken))).to.equal(false);
  });

  it('follows each quote with its attribution, pronounced with the lexicon', async () => {
    const script = await articleScript();
    const quote = script.segments.findIndex((s) => s.spoken.startsWith('Quote: Because there are several types'));
    expect(quote).to.be.greaterThan(0);
    expect(script.segments[quote].kind).to.equal('quote');
    expect(script.segments[quote].spoken).to.contain('the sighla sighbin treatment');
    expect(script.segments[quote + 1].spoken).to.equal(
      'End of quote, from Roland Griffiths, PhD, Oliver Lee McCabe the third Professor in the neuro-psychopharmacology of Consciousness, Johns Hopkins University School of Medicine',
    );
    expect(script.segments[quote + 1].kind).to.equal('attribution');
  });

  it('reads the summary table row by row with its column headers', async () => {
    const script = await articleScript();
    const table = script.sections.find((s) => s.title === 'Summary Table')!;
    const spoken = script.segments.filter((s) => s.section === script.sections.indexOf(table)).map((s) => s.spoken);
    expect(spoken[0]).to.equal('Table: Summary Table');
    expect(spoken[1]).to.equal('Topic: Patient story');
    expect(spoken[2]).to.match(/^Key Idea: 44 year old with 31 years of treatment resistant depression/);
    expect(spoken[3]).to.equal('Topic: Mechanism');
    expect(spoken).to.have.length(11);
  });

  it('announces each FAQ question before its answer', async () => {
    const script = await articleScript();
    const faq = script.sections.findIndex((s) => s.title === 'FAQ');
    const spoken = script.segments.filter((s) => s.section === faq).map((s) => s.spoken);
    // Said by its letters (see assets/lexicon/en.json).
    expect(spoken[0]).to.equal('Section: F.A.Q.');
    expect(spoken[1]).to.equal('Question: What exactly was different about the treatment that helped this patient?');
    expect(spoken[2]).to.match(/^The intervention combined a researched/);
  });

  it('maps every segment back to its written sentence', async () => {
    const script = await articleScript();
    for (const segment of script.segments) {
      const written = segment.block.textContent!.slice(segment.start, segment.end);
      expect(written.trim(), `segment ${segment.index}`).to.equal(written);
      expect(written.length).to.be.greaterThan(0);
    }
    // Author note links are said as site names.
    expect(script.segments.at(-1)!.spoken).to.equal('take a chef dot com');
  });
});
