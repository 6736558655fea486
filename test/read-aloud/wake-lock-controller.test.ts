// WakeLockController on a tiny host: the screen stays on while wanted, the lock is asked for
// again when the page is visible once more, it is let go on pause and stop, and without the
// Screen Wake Lock API (or with a refusal) nothing breaks.
import { expect } from 'chai';
import { LitElement } from 'lit';
import { WakeLockController } from '../../src/components/read-aloud-player/wake-lock-controller.js';
import { removeFromNavigator, replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { testHost } from '../helpers/test-host.js';

class WakeHost extends LitElement {
  readonly lock = new WakeLockController(this);
}
const hosts = testHost('wake-host', WakeHost);

class FakeSentinel extends EventTarget {
  released = false;
  readonly type = 'screen';
  async release() {
    if (this.released) return;
    this.released = true;
    this.dispatchEvent(new Event('release'));
  }
}

/** navigator.wakeLock: records requests; `refuse` makes the next ones fail. */
class FakeWakeLock {
  requests: FakeSentinel[] = [];
  refuse = false;
  /** The answer to each request, granted or refused. */
  private readonly answers: Promise<FakeSentinel>[] = [];
  request(type: string) {
    const answer = this.answer(type);
    this.answers.push(answer);
    return answer;
  }
  private async answer(type: string) {
    expect(type).to.equal('screen');
    if (this.refuse) throw new DOMException('battery saver', 'NotAllowedError');
    const sentinel = new FakeSentinel();
    this.requests.push(sentinel);
    return sentinel;
  }
  /** Resolves once every request so far is answered and the page has had the answer (it awaited it first). */
  async answered() {
    await Promise.allSettled(this.answers);
  }
  get held() {
    return this.requests.filter((s) => !s.released).length;
  }
}

function fakeWakeLock() {
  const lock = new FakeWakeLock();
  replaceInNavigator('wakeLock', lock);
  return lock;
}

/** The page's visibility, as a test sets it. */
function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('WakeLockController', () => {
  afterEach(() => {
    hosts.removeAll();
    delete (document as unknown as Record<string, unknown>).visibilityState;
    restoreNavigator();
  });

  it('holds one lock while wanted and lets it go when not', async () => {
    const lock = fakeWakeLock();
    const host = hosts.add();
    host.lock.hold(true);
    host.lock.hold(true);
    await lock.answered();
    expect(lock.requests.length, 'asked once').to.equal(1);
    expect(host.lock.held).to.equal(true);
    host.lock.hold(false);
    await lock.answered();
    expect(lock.held).to.equal(0);
    expect(host.lock.held).to.equal(false);
  });

  it('asks again when the page is visible once more, while still wanted', async () => {
    const lock = fakeWakeLock();
    const host = hosts.add();
    host.lock.hold(true);
    await lock.answered();
    // The browser lets the lock go when the page is hidden.
    setVisibility('hidden');
    await lock.requests[0].release();
    expect(host.lock.held).to.equal(false);
    setVisibility('visible');
    await lock.answered();
    expect(lock.requests.length).to.equal(2);
    expect(host.lock.held).to.equal(true);
    // Not wanted any more: becoming visible asks for nothing.
    host.lock.hold(false);
    setVisibility('hidden');
    setVisibility('visible');
    await lock.answered();
    expect(lock.requests.length).to.equal(2);
    expect(lock.held).to.equal(0);
  });

  it('lets go of a lock granted after it stopped being wanted', async () => {
    const lock = fakeWakeLock();
    const host = hosts.add();
    host.lock.hold(true);
    host.lock.hold(false);
    await lock.answered();
    expect(lock.held).to.equal(0);
  });

  it('lets go when its host leaves the page', async () => {
    const lock = fakeWakeLock();
    const host = hosts.add();
    host.lock.hold(true);
    await lock.answered();
    host.remove();
    await lock.answered();
    expect(lock.held).to.equal(0);
  });

  it('reads on without the lock when it is refused, or the browser has no Screen Wake Lock', async () => {
    const lock = fakeWakeLock();
    lock.refuse = true;
    const host = hosts.add();
    host.lock.hold(true);
    await lock.answered();
    expect(host.lock.held).to.equal(false);
    host.remove();
    restoreNavigator();
    removeFromNavigator('wakeLock');
    const bare = hosts.add();
    bare.lock.hold(true);
    bare.lock.hold(false);
    expect(bare.lock.held).to.equal(false);
  });
});
