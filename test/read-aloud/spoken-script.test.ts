import { expect } from 'chai';
import { Lexicon, writtenAt } from '../../src/speech/lexicon.js';
import { sentenceSpans } from '../../src/speech/segmenter.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { SECTIONS } from '../helpers/article-outline.js';
import { closeEditions, openEdition } from '../helpers/edition.js';

const lexiconJson = async () => (await fetch('/assets/lexicon/en.json')).json();

describe('sentence segmentation', () => {
  it('splits on sentence ends, not inside names and titles', () => {
    const text =
      'She wasn’t. She was exhausted and curious in equal measure. Roland Griffiths PhD Oliver Lee McCabe III Professor said so!  Why? ';
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
    const spoken = new Lexicon().speak(
      'Learn more at www.antoniominichiello.com and https://www.takeachef.com/it-it/chef/x2',
    );
    expect(spoken.text).to.equal('Learn more at antoniominichiello.com and takeachef.com');
    const listed = new Lexicon([{ written: 'takeachef.com', spoken: 'take a chef dot com' }]);
    expect(listed.speak('See https://www.takeachef.com/it-it/chef/x2 or takeachef.com.').text).to.equal(
      'See take a chef dot com or take a chef dot com.',
    );
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

  it('reads the lexicon the build embedded in the page, and speaks on without one', async () => {
    const page = (json?: string) => {
      const doc = document.implementation.createHTMLDocument();
      if (json !== undefined)
        doc.body.innerHTML = `<script type="application/json" id="pronunciation-lexicon">${json}</script>`;
      return doc;
    };
    expect(
      Lexicon.fromPage(page('{"entries": [{"written": "III", "speak": "the third"}]}')).speak('a III').text,
    ).to.equal('a the third');
    expect(Lexicon.fromPage(page('{"entries": [')).speak('a PhD').text).to.equal('a PhD');
    expect(Lexicon.fromPage(page()).speak('a PhD').text).to.equal('a PhD');
    // The edition's own page carries the edition's lexicon.
    const { doc } = await openEdition();
    expect(Lexicon.fromPage(doc).speak('psilocybin').text).to.equal(
      Lexicon.fromJson(await lexiconJson()).speak('psilocybin').text,
    );
    expect(Lexicon.fromPage(doc).speak('psilocybin').text).to.not.equal('psilocybin');
    closeEditions();
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
    expect(script.sections.map((s) => s.opening)).to.deep.equal([true, ...SECTIONS.map(() => false)]);
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

describe('spoken script of a publisher’s post', () => {
  /** An article in the shape the build gives a post's code, pictures and notes. */
  function post(lang: string, body: string) {
    const article = document.createElement('article');
    article.lang = lang;
    article.innerHTML = `<header><h1>A post</h1><p class="article-meta" data-edition>1 min read</p></header>${body}`;
    return buildScript(article, new Lexicon(), lang);
  }

  const CODE =
    '<div class="code-block" role="group" tabindex="0" aria-label="Code example in Rust, 12 lines" data-speak="code" data-language="Rust" data-lines="12">' +
    '<pre><code class="language-rust">fn main() {\n    println!("hello");\n}\n</code></pre></div>';
  const PICTURE =
    '<figure><picture data-speak="image"><source type="image/avif" srcset="a.avif 400w"><img src="a.jpg" alt="Two boxes joined by an arrow" width="720" height="360"></picture>' +
    '<figcaption>The owner lends.</figcaption></figure>';

  it('announces a code block by language and length, and never reads the code', () => {
    const script = post('en', `<p>Before.</p>${CODE}<p>After.</p>`);
    const spoken = script.segments.map((s) => s.spoken);
    expect(spoken).to.deep.equal(['A post', 'Before.', 'Code example in Rust, 12 lines', 'After.']);
    expect(script.segments[2].kind).to.equal('code');
    expect(spoken.join(' ')).not.to.contain('println');
  });

  it('says "Image:" and the alt text of a meaningful picture, then its caption as text; a decorative picture is silent', () => {
    const script = post('en', `${PICTURE}<p><img src="d.png" alt="" width="10" height="10"> Plain.</p>`);
    const spoken = script.segments.map((s) => [s.kind, s.spoken]);
    expect(spoken).to.deep.equal([
      ['title', 'A post'],
      ['image', 'Image: Two boxes joined by an arrow'],
      ['text', 'The owner lends.'],
      ['text', 'Plain.'],
    ]);
  });

  it('skips footnote marks and back links, and reads the notes where they are', () => {
    const script = post(
      'en',
      '<p>A claim.<sup class="footnote-ref" data-speak="skip"><a href="#fn1" id="fnref1">[1]</a></sup> Another sentence.</p>' +
        '<section class="footnotes"><h2 id="footnotes">Notes</h2><ol><li id="fn1"><p>The source. <a href="#fnref1" data-speak="skip" aria-label="Back to reference 1">↩</a></p></li></ol></section>',
    );
    const spoken = script.segments.map((s) => s.spoken);
    expect(spoken).to.deep.equal(['A post', 'A claim.', 'Another sentence.', 'Section: Notes', 'The source.']);
    // Offsets still point at the page's text, marks included.
    const second = script.segments[2];
    expect(second.block.textContent!.slice(second.start, second.end)).to.equal('Another sentence.');
  });

  it('reads each list item once: a nested list’s items as themselves, never again within their parent', () => {
    const script = post(
      'en',
      '<ul><li>Parent item.<ul><li>Child one.</li><li>Child two.</li></ul></li>' +
        `<li><p>Loose item.</p><ul><li>Its child.</li></ul></li><li>Run this: ${CODE}</li></ul>`,
    );
    expect(script.segments.map((s) => s.spoken)).to.deep.equal([
      'A post',
      'Parent item.',
      'Child one.',
      'Child two.',
      'Loose item.',
      'Its child.',
      'Run this:',
      'Code example in Rust, 12 lines',
    ]);
    // Offsets still point at the page's text, the nested items included.
    const parent = script.segments[1];
    expect(parent.block.textContent!.slice(parent.start, parent.end)).to.equal('Parent item.');
    expect(parent.block.textContent).to.contain('Child one.');
  });

  it('speaks the glue, and names the opening, in the article’s language: French', () => {
    const script = post(
      'fr',
      `<section><h2>Le rythme</h2><div class="quote"><blockquote><p>Une phrase bien écrite.</p></blockquote><p class="attribution"><strong>Claire Dubois</strong>, autrice</p></div>${CODE}${PICTURE}</section>`,
    );
    expect(script.segments.map((s) => s.spoken)).to.deep.equal([
      'A post',
      'Section : Le rythme',
      'Citation : Une phrase bien écrite.',
      'Fin de citation, de Claire Dubois, autrice',
      'Exemple de code en Rust, 12 lignes',
      'Image : Two boxes joined by an arrow',
      'The owner lends.',
    ]);
    expect(script.sections.map((s) => [s.title, s.opening])).to.deep.equal([
      ['Début', true],
      ['Le rythme', false],
    ]);
  });
});

describe('passages in another language', () => {
  const FRENCH = `<p>She called it <i lang="fr">la joie de vivre</i>. Then she left.</p>`;

  function article(body: string, others = new Map<string, Lexicon>()) {
    const el = document.createElement('article');
    el.lang = 'en';
    el.innerHTML = `<h1>A post</h1>${body}`;
    return buildScript(el, new Lexicon([{ written: 'joie', spoken: 'joy' }]), 'en', others);
  }

  const passages = (segment: { spoken: string; passages: { start: number; end: number; lang: string }[] }) =>
    segment.passages.map((p) => [segment.spoken.slice(p.start, p.end), p.lang]);

  it('keeps a passage inside its sentence, and marks where it is in what is spoken', () => {
    const script = article(FRENCH);
    expect(script.segments.map((s) => s.spoken)).to.deep.equal([
      'A post',
      'She called it la joie de vivre.',
      'Then she left.',
    ]);
    expect(passages(script.segments[1])).to.deep.equal([['la joie de vivre', 'fr']]);
    expect(script.segments[2].passages).to.deep.equal([]);
  });

  it("says a passage with its own language's lexicon, never the article's", () => {
    // The English lexicon's "joie" is not applied to French.
    expect(article(FRENCH).segments[1].spoken).to.equal('She called it la joie de vivre.');
    const french = new Lexicon([{ written: 'vivre', spoken: 'vivr' }]);
    const segment = article(FRENCH, new Map([['fr', french]])).segments[1];
    expect(segment.spoken).to.equal('She called it la joie de vivr.');
    expect(passages(segment)).to.deep.equal([['la joie de vivr', 'fr']]);
    // The respelled word still highlights the written one.
    const span = writtenAt(segment.pieces, segment.spoken.indexOf('vivr'))!;
    expect(segment.block.textContent!.slice(span.start, span.end)).to.equal('vivre');
  });

  it('takes a whole quotation in another language as a passage after the announcement in the article’s', () => {
    const script = article(
      `<div class="quote"><blockquote lang="fr-FR"><p>Je pense, <em>donc</em> je suis.</p></blockquote></div>`,
    );
    expect(script.segments[1].spoken).to.equal('Quote: Je pense, donc je suis.');
    expect(passages(script.segments[1])).to.deep.equal([['Je pense, donc je suis.', 'fr-FR']]);
  });

  it('takes no regional variant of the article’s language, and no passage without words, as a passage', () => {
    const script = article(`<p>A <span lang="en-US">color</span> and a dash <span lang="fr">—</span> here.</p>`);
    expect(script.segments[1].passages).to.deep.equal([]);
  });
});
