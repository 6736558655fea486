// How much the spoken script says, per level and per kind (src/speech/verbosity.ts), on markup in
// the shape the build gives an article: every level keeps the article's words, brief drops the
// structure's names, full reads each note where it is referenced and not again at the end.
import { expect } from 'chai';
import { Lexicon } from '../../src/speech/lexicon.js';
import { buildScript } from '../../src/speech/spoken-script.js';
import { sameSentence, segmentOfHeading } from '../../src/speech/segment-lookup.js';
import { PRESETS, verbosityOf, type Verbosity } from '../../src/speech/verbosity.js';

const BODY =
  '<p>A claim.<sup class="footnote-ref" data-speak="skip"><a href="#fn1" id="fnref1">[1]</a></sup> Another sentence.</p>' +
  '<section><h2>Findings</h2><div class="quote"><blockquote><p>Quoted words.</p></blockquote><p class="attribution"><strong>Ann Lee</strong>, writer</p></div></section>' +
  '<h2>Summary</h2><table><caption>Summary</caption><thead><tr><th>Topic</th><th>Key Idea</th></tr></thead><tbody><tr><td>Story</td><td>It helped.</td></tr></tbody></table>' +
  '<section class="faq"><h2>FAQ</h2><h3>Why so?</h3><p>Because.</p></section>' +
  '<figure><picture data-speak="image"><img src="data:," alt="Two boxes" width="10" height="10"></picture><figcaption>A caption.</figcaption></figure>' +
  '<div class="code-block" data-speak="code" data-language="Rust" data-lines="2"><pre><code>fn main() {}\n</code></pre></div>' +
  '<section class="footnotes"><h2 id="footnotes">Notes</h2><ol class="footnotes-list"><li id="fn1"><p>The source. <a href="#fnref1" class="footnote-backref" data-speak="skip" aria-label="Back to reference 1">↩</a></p></li></ol></section>';

function article(body = BODY) {
  const el = document.createElement('article');
  el.lang = 'en';
  el.innerHTML = `<header><h1>A post</h1><p class="article-meta" data-edition>1 min read</p></header>${body}`;
  return el;
}

const script = (verbosity?: Verbosity, el = article()) => buildScript(el, new Lexicon(), 'en', undefined, verbosity);
const spoken = (verbosity?: Verbosity) => script(verbosity).segments.map((s) => s.spoken);

describe('how much the spoken script says', () => {
  it('says at the standard level what it says without a choice', () => {
    expect(spoken(PRESETS.standard)).to.deep.equal(spoken());
    expect(spoken()).to.deep.equal([
      'A post',
      'A claim.',
      'Another sentence.',
      'Section: Findings',
      'Quote: Quoted words.',
      'End of quote, from Ann Lee, writer',
      'Table: Summary',
      'Topic: Story',
      'Key Idea: It helped.',
      'Section: FAQ',
      'Question: Why so?',
      'Because.',
      'Image: Two boxes',
      'A caption.',
      'Code example in Rust, 2 lines',
      'Section: Notes',
      'The source.',
    ]);
  });

  it('says no announcement, no end of quote and no column header with each cell at the brief level, and loses no word', () => {
    const brief = spoken(PRESETS.brief);
    expect(brief).to.deep.equal([
      'A post',
      'A claim.',
      'Another sentence.',
      'Findings',
      'Quoted words.',
      'Ann Lee, writer',
      'Summary',
      // The column headers once, as the table's first row.
      'Topic',
      'Key Idea',
      'Story',
      'It helped.',
      'FAQ',
      'Why so?',
      'Because.',
      'Two boxes',
      'A caption.',
      'Code example in Rust, 2 lines',
      'Notes',
      'The source.',
    ]);
    expect(brief.join(' ')).not.to.match(/Section:|Table:|Question:|Quote:|End of quote|Image:|Topic:|Key Idea:/);
  });

  it('reads a note right after the sentence referring to it at the full level, and not again at the end', () => {
    const full = script(PRESETS.full);
    expect(full.segments.map((s) => s.spoken)).to.deep.equal([
      'A post',
      'A claim.',
      'Note 1: The source.',
      'Another sentence.',
      'Section: Findings',
      'Quote: Quoted words.',
      'End of quote, from Ann Lee, writer',
      'Table: Summary',
      'Topic: Story',
      'Key Idea: It helped.',
      'Section: FAQ',
      'Question: Why so?',
      'Because.',
      'Image: Two boxes',
      'A caption.',
      'Code example in Rust, 2 lines',
    ]);
    // The note is its own block's sentence, in the section where it is referenced, so its own text is highlighted.
    const note = full.segments[2];
    expect(note.block.closest('li')!.id).to.equal('fn1');
    expect(note.block.textContent!.slice(note.start, note.end)).to.equal('The source.');
    expect(note.away).to.equal(true);
    expect(note.section).to.equal(0);
    expect(full.sections.map((s) => s.title)).to.deep.equal(['Opening', 'Findings', 'Summary', 'FAQ']);
  });

  it('keeps notes at the end that nothing refers to, under their heading', () => {
    const unreferenced = BODY.replace(/<sup class="footnote-ref".*?<\/sup>/, '');
    expect(
      script(PRESETS.full, article(unreferenced))
        .segments.map((s) => s.spoken)
        .slice(-2),
    ).to.deep.equal(['Section: Notes', 'The source.']);
  });

  it('reads the listener’s choices, ignoring a level, kind or choice it does not know', () => {
    expect(verbosityOf({})).to.deep.equal(PRESETS.standard);
    expect(verbosityOf({ level: 'loud', headings: 'shouted', colours: 'on', images: 'off' })).to.deep.equal({
      ...PRESETS.standard,
      images: 'off',
    });
    expect(verbosityOf({ level: 'brief', footnotes: 'referenced' })).to.deep.equal({
      ...PRESETS.brief,
      footnotes: 'referenced',
    });
  });

  it('follows each kind’s choice on top of the level', () => {
    const said = (own: Partial<Verbosity>) => spoken(verbosityOf(own));
    expect(said({ images: 'off' })).not.to.include.members(['Image: Two boxes', 'Two boxes']);
    expect(said({ images: 'off' })).to.include('A caption.');
    expect(said({ images: 'alt' })).to.include('Two boxes');
    expect(said({ code: 'off' }).join(' ')).not.to.contain('Code example');
    const noNotes = said({ footnotes: 'off' });
    expect(noNotes).not.to.include.members(['Section: Notes', 'The source.']);
    expect(noNotes.at(-1)).to.equal('Code example in Rust, 2 lines');
    expect(said({ headings: 'title' })).to.include.members(['Findings', 'Summary', 'Why so?']);
    expect(said({ quotes: 'attribution' })).to.include.members(['Quoted words.', 'Ann Lee, writer']);
    expect(said({ tableHeaders: 'not' })).to.include.members(['Topic', 'Story']);
    expect(said({ footnotes: 'referenced' }).slice(1, 4)).to.deep.equal([
      'A claim.',
      'Note 1: The source.',
      'Another sentence.',
    ]);
  });

  it('finds the same sentence in a script of another level', () => {
    const el = article();
    const standard = script(PRESETS.standard, el);
    const brief = script(PRESETS.brief, el);
    const full = script(PRESETS.full, el);
    const at = (s: ReturnType<typeof script>, i: number) => s.segments[i].spoken;
    // "Key Idea: It helped." in standard is "It helped." in brief (the header row comes first there).
    expect(at(brief, sameSentence(brief, standard.segments[8]))).to.equal('It helped.');
    // The note read at its reference is the one at the end of the standard script.
    expect(at(standard, sameSentence(standard, full.segments[2]))).to.equal('The source.');
    // A picture not said: the next sentence said after it.
    const noPictures = script(verbosityOf({ level: 'brief', images: 'off' }), el);
    expect(at(noPictures, sameSentence(noPictures, standard.segments[12]))).to.equal('A caption.');
  });

  it('leads "Listen from here" on the notes’ heading to the first note where it is read', () => {
    const el = article();
    const full = script(PRESETS.full, el);
    const notes = el.querySelector('#footnotes');
    expect(segmentOfHeading(full, notes)).to.equal(2);
    expect(segmentOfHeading(script(verbosityOf({ footnotes: 'off' }), el), notes)).to.equal(undefined);
    expect(full.segments[segmentOfHeading(full, el.querySelector('h2'))!].spoken).to.equal('Section: Findings');
  });

  it('speaks French glue for a note read where it is referenced', () => {
    const el = article();
    el.lang = 'fr';
    expect(buildScript(el, new Lexicon(), 'fr', undefined, PRESETS.full).segments[2].spoken).to.equal(
      'Note 1 : The source.',
    );
  });
});
