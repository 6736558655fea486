// PersistentStorageController on a tiny host, with `navigator.storage` replaced by fakes:
// what it says when the browser cannot be asked, has already kept the storage, keeps it when
// asked, declines, or fails to answer; and that its host re-renders with each answer.
import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { PersistentStorageController } from '../../src/components/offline-status/persistent-storage-controller.js';
import { removeFromNavigator, replaceInNavigator, restoreNavigator } from '../helpers/navigator.js';
import { testHost } from '../helpers/test-host.js';

class StorageHost extends LitElement {
  readonly storage = new PersistentStorageController(this);
  override render() {
    return html`<p>${this.storage.state}</p>`;
  }
}
const hosts = testHost('storage-host', StorageHost);

/** Answers the test holds back, to settle when it chooses (and then awaits itself). */
const heldBack = new WeakSet<Promise<unknown>>();

/** A promise the test settles when it chooses, as a browser answers when it will. */
function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  heldBack.add(promise);
  return { promise, resolve };
}

/** The answers the fake storage manager has given, which settle by themselves. */
let answers: Promise<boolean>[] = [];

/** A storage manager whose answers the test gives; it counts the requests to keep. */
function fakeStorage(persisted: () => Promise<boolean>, persist: () => Promise<boolean>) {
  const answer = (given: Promise<boolean>) => {
    if (!heldBack.has(given)) answers.push(given);
    return given;
  };
  const storage = {
    asked: 0,
    persisted: () => answer(persisted()),
    persist: () => {
      storage.asked++;
      return answer(persist());
    },
  };
  replaceInNavigator('storage', storage);
  return storage;
}

function connect() {
  return hosts.add();
}

/**
 * The state the host shows once every answer given so far that was not held back has settled
 * and been handled (the controller awaited each first, so its handling comes before this), and
 * the host rendered it.
 */
async function shown(host: StorageHost) {
  await Promise.allSettled(answers);
  await host.updateComplete;
  return host.renderRoot.querySelector('p')!.textContent;
}

describe('PersistentStorageController', () => {
  afterEach(() => {
    hosts.removeAll();
    restoreNavigator();
    answers = [];
  });

  it('is unsupported where the browser has no storage manager', async () => {
    removeFromNavigator('storage');
    const host = connect();
    expect(await shown(host)).to.equal('unsupported');
  });

  it('is unsupported where the storage manager cannot be asked to keep anything', async () => {
    replaceInNavigator('storage', { estimate: async () => ({ usage: 0, quota: 1 }) });
    expect(await shown(connect())).to.equal('unsupported');
    replaceInNavigator('storage', { estimate: async () => ({ usage: 0, quota: 1 }), persisted: async () => false });
    expect(await shown(connect())).to.equal('unsupported');
  });

  it('says kept, without asking, where the storage is already persistent', async () => {
    const storage = fakeStorage(
      async () => true,
      async () => true,
    );
    const host = connect();
    expect(host.storage.state).to.equal('unknown');
    expect(await shown(host)).to.equal('kept');
    expect(storage.asked).to.equal(0);
  });

  it('asks only when told, and says kept when the browser agrees', async () => {
    const answer = later<boolean>();
    const storage = fakeStorage(
      async () => false,
      () => answer.promise,
    );
    const host = connect();
    expect(await shown(host)).to.equal('unknown');
    expect(storage.asked).to.equal(0);
    const asked = host.storage.persist();
    expect(await shown(host)).to.equal('asking');
    answer.resolve(true);
    await asked;
    expect(await shown(host)).to.equal('kept');
    expect(storage.asked).to.equal(1);
  });

  it('says not kept when the browser declines, and can ask again', async () => {
    let agree = false;
    fakeStorage(
      async () => false,
      async () => agree,
    );
    const host = connect();
    await host.storage.persist();
    expect(await shown(host)).to.equal('not-kept');
    agree = true;
    await host.storage.persist();
    expect(await shown(host)).to.equal('kept');
  });

  it('says not kept when asking fails', async () => {
    fakeStorage(
      async () => false,
      () => Promise.reject(new DOMException('no', 'InvalidStateError')),
    );
    const host = connect();
    await host.storage.persist();
    expect(await shown(host)).to.equal('not-kept');
  });

  it('leaves the reader free to ask when the browser cannot say whether it is kept', async () => {
    fakeStorage(
      () => Promise.reject(new DOMException('no', 'InvalidStateError')),
      async () => true,
    );
    const host = connect();
    expect(await shown(host)).to.equal('unknown');
    await host.storage.persist();
    expect(await shown(host)).to.equal('kept');
  });

  it('keeps waiting for the reader’s question when a late "already kept" answer comes first', async () => {
    const persisted = later<boolean>();
    const persist = later<boolean>();
    fakeStorage(
      () => persisted.promise,
      () => persist.promise,
    );
    const host = connect();
    const asked = host.storage.persist();
    persisted.resolve(true);
    // Handled by the controller, which awaited it first.
    await persisted.promise;
    expect(await shown(host)).to.equal('asking');
    persist.resolve(true);
    await asked;
    expect(await shown(host)).to.equal('kept');
  });
});
