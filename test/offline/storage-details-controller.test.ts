// StorageDetailsController on a tiny host, with `navigator.storage` replaced by fakes: the
// estimate in words, measured again when something is kept or removed; the browser asked to
// keep the storage when the reader keeps something, unless it was asked already; what the
// browser may remove and when; and every way the storage manager can be missing or fail,
// which says something plain or nothing, never throws. The test browsers are Chromium and
// Firefox on Linux, where Safari's seven days do not apply (seven-days-hint-controller.test.ts).
import { expect } from 'chai';
import { LitElement } from 'lit';
import { PersistentStorageController } from '../../src/components/offline-status/persistent-storage-controller.js';
import { StorageDetailsController } from '../../src/components/offline-status/storage-details-controller.js';
import { KEEP_ASKED, KEPT_CHANGED } from '../../src/components/offline-status/offline-keeping.js';
import { removeFromNavigator, replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { testHost } from '../helpers/test-host.js';

class DetailsHost extends LitElement {
  readonly persistence = new PersistentStorageController(this);
  readonly details = new StorageDetailsController(this, this.persistence);
  override render() {
    return this.details.render();
  }
}
const hosts = testHost('storage-details-host', DetailsHost);

const MAY_BE_CLEARED = 'The browser may clear what is saved here when space is short.';
const UNKNOWN = 'The browser does not say how much storage is left.';

/** A storage manager whose answers the test gives; it counts the requests to keep and to estimate. */
function fakeStorage(given: {
  estimate?: () => Promise<Partial<StorageEstimate>>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}) {
  const answered = <T>(answer: Promise<T>) => (storage.answers.push(answer), answer);
  const storage = {
    asked: 0,
    measured: 0,
    /** Every answer on persistence given so far. */
    answers: [] as Promise<unknown>[],
    estimate: given.estimate && (() => (storage.measured++, given.estimate!())),
    persisted: () => answered((given.persisted ?? (async () => false))()),
    persist: () => (storage.asked++, answered((given.persist ?? (async () => false))())),
  };
  replaceInNavigator('storage', storage);
  return storage;
}

/** A promise the test settles when it chooses, as a browser answers when it will. */
function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const tell = (host: DetailsHost, type: string) =>
  host.renderRoot.dispatchEvent(new Event(type, { bubbles: true, composed: true }));

/**
 * What the host shows, paragraph by paragraph, once `measure` and every answer on persistence
 * given so far are handled (the controllers awaited each first, so their handling comes before
 * this) and the host rendered them.
 */
async function shown(host: DetailsHost, measure?: Promise<unknown>) {
  await measure;
  const storage = navigator.storage as unknown as Partial<ReturnType<typeof fakeStorage>> | undefined;
  await Promise.allSettled(storage?.answers ?? []);
  await host.updateComplete;
  return [...host.renderRoot.querySelectorAll('p')].map((p) => `${p.className}: ${p.textContent}`);
}

describe('StorageDetailsController', () => {
  afterEach(() => {
    hosts.removeAll();
    restoreNavigator();
  });

  it('says how much the edition uses and how much room is left, and that the browser may clear it', async () => {
    fakeStorage({ estimate: async () => ({ usage: 3_249_999, quota: 1_203_249_999 }) });
    const host = await hosts.rendered();
    expect(await shown(host, host.details.measure())).to.deep.equal([
      'storage: This edition uses 3.2\u00a0MB on this device, with room for about 1.2\u00a0GB more.',
      `hint: ${MAY_BE_CLEARED}`,
    ]);
  });

  it('says when no room is left', async () => {
    fakeStorage({ estimate: async () => ({ usage: 52_000_000, quota: 52_000_000 }) });
    const host = await hosts.rendered();
    expect((await shown(host, host.details.measure()))[0]).to.equal(
      'storage: This edition uses 52.0\u00a0MB on this device, with no room left.',
    );
  });

  it('says nothing of the estimate until measured, and nothing of clearing once the storage is persistent', async () => {
    fakeStorage({ estimate: async () => ({ usage: 1000, quota: 2000 }), persisted: async () => true });
    const host = await hosts.rendered();
    expect(await shown(host)).to.deep.equal([]);
    expect(host.persistence.state).to.equal('kept');
    expect(await shown(host, host.details.measure())).to.deep.equal([
      'storage: This edition uses 1\u00a0KB on this device, with room for about 1\u00a0KB more.',
    ]);
  });

  it('measures again when something is kept or removed, and shows only the latest measure', async () => {
    const first = later<StorageEstimate>();
    let answer = first.promise;
    const storage = fakeStorage({ estimate: () => answer });
    const host = await hosts.rendered();
    const measured = host.details.measure();
    answer = Promise.resolve({ usage: 9_000_000, quota: 100_000_000 });
    tell(host, KEPT_CHANGED);
    expect(storage.measured).to.equal(2);
    await answer;
    // The first answer comes last: it is not shown over the newer one.
    first.resolve({ usage: 1_000, quota: 100_000_000 });
    expect((await shown(host, measured))[0]).to.equal(
      'storage: This edition uses 9.0\u00a0MB on this device, with room for about 91.0\u00a0MB more.',
    );
  });

  it('asks the browser to keep the storage when the reader keeps something, and says no more of clearing once it agrees', async () => {
    const storage = fakeStorage({ persist: async () => true });
    const host = await hosts.rendered();
    expect(await shown(host)).to.deep.equal([`hint: ${MAY_BE_CLEARED}`]);
    tell(host, KEEP_ASKED);
    expect(storage.asked).to.equal(1);
    expect(host.persistence.state).to.equal('asking');
    expect(await shown(host)).to.deep.equal([]);
    expect(host.persistence.state).to.equal('kept');
    // Already kept: keeping more asks nothing.
    tell(host, KEEP_ASKED);
    expect(storage.asked).to.equal(1);
  });

  for (const [what, persist] of [
    ['declines', async () => false],
    ['fails to answer', () => Promise.reject(new DOMException('no', 'InvalidStateError'))],
  ] as const) {
    it(`asks once a visit where the browser ${what}, and leaves saying so to the status`, async () => {
      const storage = fakeStorage({ persist });
      const host = await hosts.rendered();
      tell(host, KEEP_ASKED);
      // The status says "The browser may clear it when space is short." (offline-status.ts).
      expect(await shown(host)).to.deep.equal([]);
      expect(host.persistence.state).to.equal('not-kept');
      tell(host, KEEP_ASKED);
      expect(storage.asked).to.equal(1);
    });
  }

  it('stays quiet where the browser has no storage manager, and keeping asks nothing', async () => {
    removeFromNavigator('storage');
    const host = await hosts.rendered();
    await host.details.measure();
    tell(host, KEEP_ASKED);
    tell(host, KEPT_CHANGED);
    expect(host.persistence.state).to.equal('unsupported');
    expect(await shown(host)).to.deep.equal([]);
  });

  it('stays quiet on the estimate where the storage manager cannot estimate', async () => {
    fakeStorage({});
    const host = await hosts.rendered();
    expect(await shown(host, host.details.measure())).to.deep.equal([`hint: ${MAY_BE_CLEARED}`]);
  });

  for (const [what, estimate] of [
    ['rejects (storage blocked)', () => Promise.reject(new DOMException('blocked', 'SecurityError'))],
    ['answers no quota', async () => ({ usage: 0, quota: 0 })],
    ['answers without figures', async () => ({})],
    ['answers figures that are not sizes', async () => ({ usage: Number.NaN, quota: -1 })],
  ] as const) {
    it(`says the browser does not say how much is left where the estimate ${what}`, async () => {
      fakeStorage({ estimate });
      const host = await hosts.rendered();
      expect((await shown(host, host.details.measure()))[0]).to.equal(`storage: ${UNKNOWN}`);
    });
  }
});
