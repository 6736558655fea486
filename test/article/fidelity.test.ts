import { expect } from 'chai';
import { articleText, closeEditions, openEdition, words } from '../helpers/edition.js';

/** The seed ends with a page widget's label, which is not part of the article. */
const NOT_ARTICLE = 'Leave a Comment';

async function seedWords() {
  const response = await fetch('/test/fixtures/seed.txt');
  const seed = (await response.text()).trimEnd();
  expect(seed.endsWith(NOT_ARTICLE), 'the seed still ends with its page widget').to.equal(true);
  return words(seed.slice(0, -NOT_ARTICLE.length));
}

function firstDifference(expected: string[], actual: string[]) {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) {
      const around = (list: string[]) => list.slice(Math.max(0, i - 6), i + 6).join(' ');
      return `word ${i + 1}: the seed has "${expected[i] ?? '(end)'}", the page has "${actual[i] ?? '(end)'}"\n  seed: …${around(expected)}…\n  page: …${around(actual)}…`;
    }
  }
  return '';
}

describe('article fidelity', () => {
  afterEach(closeEditions);

  it('renders every word of the seed, verbatim and in order', async () => {
    const edition = await openEdition();
    const expected = await seedWords();
    const actual = words(articleText(edition.doc));
    const difference = firstDifference(expected, actual);
    expect(difference, difference).to.equal('');
    expect(actual.length).to.be.greaterThan(1800);
  });

  it('reports the first difference when the page and the seed disagree', () => {
    const message = firstDifference(['a', 'b', 'c'], ['a', 'x', 'c']);
    expect(message).to.contain('word 2: the seed has "b", the page has "x"');
    expect(firstDifference(['a'], ['a', 'extra'])).to.contain('the seed has "(end)"');
  });
});
