// MediaSessionController on a tiny host: the lock screen's and headset's buttons reach the
// player's actions, what is playing is published, everything is withdrawn when the host
// leaves the page, and without the Media Session API nothing breaks.
import { expect } from 'chai';
import { LitElement } from 'lit';
import { MediaSessionController } from '../../src/components/read-aloud-player/media-session-controller.js';
import { removeFromNavigator, replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { testHost } from '../helpers/test-host.js';

type Action = 'play' | 'pause' | 'previous' | 'next' | 'stop' | `skip ${number}` | `seekTo ${number}`;

class MediaHost extends LitElement {
  done: Action[] = [];
  private readonly record = (action: Action) => () => void this.done.push(action);
  readonly media = new MediaSessionController(this, {
    play: this.record('play'),
    pause: this.record('pause'),
    previous: this.record('previous'),
    next: this.record('next'),
    stop: this.record('stop'),
    skip: (seconds) => void this.done.push(`skip ${seconds}`),
    seekTo: (seconds) => void this.done.push(`seekTo ${seconds}`),
  });
}
const hosts = testHost('media-host', MediaHost);

/** A media session that records what the page gives it; it refuses the actions in `unknown`. */
class FakeMediaSession {
  metadata: MediaMetadata | null = null;
  position?: MediaPositionState;
  playbackState: MediaSessionPlaybackState = 'none';
  readonly handlers = new Map<MediaSessionAction, MediaSessionActionHandler | null>();
  constructor(private readonly unknown: MediaSessionAction[] = []) {}
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
    if (this.unknown.includes(action)) throw new TypeError(`The provided value '${action}' is not a valid enum value`);
    this.handlers.set(action, handler);
  }
  setPositionState(state?: MediaPositionState) {
    this.position = state;
  }
  /** A press on the lock screen or a headset. */
  press(action: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}) {
    this.handlers.get(action)?.({ action, ...details });
  }
}

function fakeSession(unknown?: MediaSessionAction[]) {
  const session = new FakeMediaSession(unknown);
  replaceInNavigator('mediaSession', session);
  return session;
}

/**
 * What a session shows, as a plain object: chai is never handed a MediaMetadata (a failing
 * assertion on one stalls the test runner while it serialises it, instead of failing).
 */
const showing = (session: { metadata: MediaMetadata | null }) =>
  session.metadata && { title: session.metadata.title, artist: session.metadata.artist, album: session.metadata.album };

const connect = () => hosts.add();

const nowPlaying = { title: 'The FAQ', artist: 'Antonio Minichiello', album: 'After 31 Years' };

describe('MediaSessionController', () => {
  afterEach(() => {
    hosts.removeAll();
    restoreNavigator();
  });

  it('hands each lock-screen and headset button to the player: tracks by section, seek buttons skip 15 s back and 30 s on', () => {
    const session = fakeSession();
    const host = connect();
    const pressed: [MediaSessionAction, Action][] = [
      ['play', 'play'],
      ['pause', 'pause'],
      ['stop', 'stop'],
      ['previoustrack', 'previous'],
      ['nexttrack', 'next'],
      ['seekbackward', 'skip -15'],
      ['seekforward', 'skip 30'],
    ];
    for (const [action] of pressed) session.press(action);
    expect(host.done).to.deep.equal(pressed.map(([, action]) => action));
  });

  it('skips by the offset the lock screen asks for, where it gives one', () => {
    const session = fakeSession();
    const host = connect();
    session.press('seekbackward', { seekOffset: 10 });
    session.press('seekforward', { seekOffset: 10 });
    expect(host.done).to.deep.equal(['skip -10', 'skip 10']);
  });

  it('moves the audio edition to where the lock screen’s scrubber was let go', () => {
    const session = fakeSession();
    const host = connect();
    session.press('seekto', { seekTime: 61.5 });
    expect(host.done).to.deep.equal(['seekTo 61.5']);
  });

  it('gives the lock screen the audio’s clock, and takes it away for the device’s voice or a stop', () => {
    const session = fakeSession();
    const host = connect();
    host.media.update(
      { ...nowPlaying, artwork: [{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' }] },
      'playing',
      { duration: 120, position: 30, playbackRate: 1.5 },
    );
    expect(session.position).to.deep.equal({ duration: 120, position: 30, playbackRate: 1.5 });
    expect(session.metadata?.artwork.map((a) => a.src)).to.deep.equal([new URL('/icons/icon.svg', location.href).href]);
    // A clock a little past the end (the last timeupdate) is clamped, not refused.
    host.media.update(nowPlaying, 'paused', { duration: 120, position: 120.2, playbackRate: 1 });
    expect(session.position?.position).to.equal(120);
    host.media.update(nowPlaying, 'playing');
    expect(session.position).to.equal(undefined);
    host.media.update(nowPlaying, 'none', { duration: 120, position: 3, playbackRate: 1 });
    expect(session.position).to.equal(undefined);
  });

  it('keeps the buttons the browser knows when it refuses others', () => {
    const session = fakeSession(['stop', 'seekforward']);
    const host = connect();
    session.press('play');
    session.press('nexttrack');
    session.press('seekbackward');
    expect(host.done).to.deep.equal(['play', 'next', 'skip -15']);
  });

  it('publishes what is playing and whether it plays, and withdraws it when stopped', () => {
    const session = fakeSession();
    const host = connect();
    host.media.update(nowPlaying, 'playing');
    expect(session.metadata instanceof MediaMetadata).to.equal(true);
    expect(showing(session)).to.deep.equal(nowPlaying);
    expect(session.playbackState).to.equal('playing');
    host.media.update({ ...nowPlaying, title: 'Summary' }, 'paused');
    expect(showing(session)).to.deep.equal({ ...nowPlaying, title: 'Summary' });
    expect(session.playbackState).to.equal('paused');
    host.media.update(nowPlaying, 'none');
    expect(showing(session)).to.equal(null);
    expect(session.playbackState).to.equal('none');
  });

  it('withdraws its buttons and what is playing when its host leaves the page', () => {
    const session = fakeSession();
    const host = connect();
    host.media.update(nowPlaying, 'playing');
    host.remove();
    expect(showing(session)).to.equal(null);
    expect([...session.handlers.values()].every((handler) => handler === null)).to.equal(true);
    expect(session.handlers.size).to.equal(8);
    // Back on the page, its buttons work again.
    document.body.append(host);
    session.press('pause');
    expect(host.done).to.deep.equal(['pause']);
  });

  it('works with the browser’s own Media Session', () => {
    const host = connect();
    host.media.update(nowPlaying, 'paused');
    expect(showing(navigator.mediaSession)).to.deep.equal(nowPlaying);
    expect(navigator.mediaSession.playbackState).to.equal('paused');
    host.remove();
    expect(showing(navigator.mediaSession)).to.equal(null);
  });

  it('does nothing, and throws nothing, where the browser has no Media Session', () => {
    removeFromNavigator('mediaSession');
    expect('mediaSession' in navigator).to.equal(false);
    const host = connect();
    host.media.update(nowPlaying, 'playing');
    host.media.update(nowPlaying, 'none');
    host.remove();
    expect(host.done).to.deep.equal([]);
  });
});
