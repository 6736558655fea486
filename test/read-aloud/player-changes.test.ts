// PlayerChanges against a plain object standing in for the player: what each change of the
// player reading sets off (the highlight, the page following, the saved place, focus, what is
// said), and what it leaves alone when only a word moves.
import { expect } from 'chai';
import { PlayerChanges } from '../../src/components/read-aloud-player/changes.js';
import type { PlayerState, Problem, SpeechPlayer } from '../../src/speech/read-aloud.js';

function changesOf(notice?: string) {
  /** Set by a test: the next stop is the reading reaching the article's end. */
  const end = { reached: false };
  const heard = {
    said: [] as string[],
    saved: [] as number[],
    revealed: 0,
    highlighted: 0,
    shown: 0,
    focus: [] as string[],
  };
  const follow = { following: false, reveal: () => heard.revealed++ };
  const changes = new PlayerChanges({
    listening: { follow, show: () => heard.shown++ },
    listeningPosition: { save: (_script, index) => heard.saved.push(index) },
    highlight: () => {
      heard.highlighted++;
      return undefined;
    },
    handOverFocus: (from, to) => heard.focus.push(`${from}→${to}`),
    announce: (message) => heard.said.push(message),
    notice: () => notice,
    reachedEnd: () => {
      const reached = end.reached;
      end.reached = false;
      return reached;
    },
  });
  const player = {
    index: 0,
    state: 'idle' as PlayerState,
    problem: undefined as Problem | undefined,
    script: { segments: [], sections: [] },
  };
  const change = (to: Partial<typeof player>) => {
    Object.assign(player, to);
    changes.changed(player as unknown as SpeechPlayer);
  };
  return { heard, follow, change, end };
}

describe('PlayerChanges', () => {
  it('says a change of state once, hands focus on, and starts the page following again', () => {
    const { heard, follow, change } = changesOf();
    change({ state: 'playing' });
    change({ state: 'playing' });
    change({ state: 'paused' });
    change({ state: 'idle' });
    expect(heard.said).to.deep.equal(['Playing.', 'Paused.', 'Stopped.']);
    expect(heard.focus).to.deep.equal(['idle→playing', 'playing→paused', 'paused→idle']);
    expect(follow.following).to.equal(true);
  });

  it('says "Finished reading." when the reading stops at the article’s end, and "Stopped." for a stop after it', () => {
    const { heard, change, end } = changesOf();
    change({ state: 'playing' });
    end.reached = true;
    change({ state: 'idle' });
    change({ state: 'playing' });
    change({ state: 'idle' });
    expect(heard.said).to.deep.equal(['Playing.', 'Finished reading.', 'Playing.', 'Stopped.']);
  });

  it('keeps the place and follows with the page each new sentence, while playing; the highlight follows every change', () => {
    const { heard, change } = changesOf();
    change({ state: 'playing', index: 1 });
    change({ index: 1 });
    change({ index: 2 });
    change({ state: 'paused', index: 3 });
    change({ state: 'idle', index: 4 });
    expect(heard.saved).to.deep.equal([1, 2, 3]);
    expect(heard.revealed).to.equal(2);
    expect(heard.highlighted).to.equal(5);
    // The lock screen follows new sentences and states, not repeats of the same.
    expect(heard.shown).to.equal(4);
  });

  it('says a problem in place of the state, in words, once, and the notice before it', () => {
    const { heard, change } = changesOf('The recorded audio could not load.');
    change({ state: 'playing' });
    change({ problem: { code: 'no-start' } });
    change({ problem: { code: 'no-start' } });
    change({ problem: { code: 'speech-stopped', error: 'synthesis-failed' } });
    expect(heard.said).to.deep.equal([
      'The recorded audio could not load. Playing.',
      'The speech engine did not respond.',
      'Speech stopped (synthesis-failed). Press Play to try again.',
    ]);
  });
});
