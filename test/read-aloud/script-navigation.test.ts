// Where Skip back and Skip forward lead the device's voice: whole sentences, about the seconds asked.
import { expect } from 'chai';
import { sentenceAbout } from '../../src/speech/script-navigation.js';
import { smallArticleScript } from '../helpers/small-article.js';

/** The small article's nine sentences, with lengths in seconds chosen for the test. */
const LENGTHS = [40, 10, 10, 2, 12, 12, 2, 8, 30];
const about = (index: number, seconds: number) =>
  sentenceAbout(smallArticleScript(), index, seconds, (segment) => LENGTHS[segment.index]);

describe('skipping by seconds in whole sentences', () => {
  it('goes forward to the sentence start nearest the time, counting the sentence being left', () => {
    // From 1: 10, 20, 22, then 34 s: 34 is nearer 30 than 22.
    expect(about(1, 30)).to.equal(5);
    // From 2: 10, 12, 24, then 36 s: as near, so the whole way.
    expect(about(2, 30)).to.equal(6);
  });

  it('goes back to the sentence start nearest the time', () => {
    // Back from 5: 12, 14, then 24 s: 14 is nearer 15.
    expect(about(5, -15)).to.equal(3);
    expect(about(2, -15), 'back 10 or 50 s: 10 is nearer').to.equal(1);
  });

  it('always moves at least one sentence, and stops at either end', () => {
    expect(about(0, 30), 'a 40 s sentence is left whole').to.equal(1);
    expect(about(5, -1), 'back 1 s is still the sentence before').to.equal(4);
    expect(about(7, 30), 'the last sentence, where the rest is shorter').to.equal(8);
    expect(about(8, 30), 'nothing after the last').to.equal(undefined);
    expect(about(0, -15), 'back at the first: its start again').to.equal(0);
  });
});
