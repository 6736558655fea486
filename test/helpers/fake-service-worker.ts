// A service worker container, registration and workers whose answers a test decides,
// standing in for `navigator.serviceWorker` where a real worker cannot be driven step by step.
import type { PageMessage, PrecacheFailed } from '../../src/service-worker/messages.js';

/** A worker whose answers the test decides; it remembers what the page sent it. */
export class FakeWorker extends EventTarget {
  received: PageMessage[] = [];
  constructor(
    public state: ServiceWorkerState,
    private readonly missing = 0,
  ) {
    super();
  }
  postMessage(message: PageMessage, transfer: Transferable[] = []) {
    this.received.push(message);
    if (message.type === 'CHECK_PRECACHE')
      (transfer[0] as MessagePort).postMessage({ type: 'PRECACHE_CHECKED', missing: this.missing });
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

export interface FakeRegistration {
  installing: FakeWorker | null;
  waiting: FakeWorker | null;
  active: FakeWorker | null;
}

export class FakeContainer extends EventTarget {
  constructor(
    public controller: FakeWorker | null,
    readonly register: (scriptUrl: string) => Promise<FakeRegistration & EventTarget>,
  ) {
    super();
  }
  startMessages() {}
  /** A message from a worker to this page. */
  say(message: PrecacheFailed) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

export const registration = (workers: Partial<FakeRegistration>) =>
  Object.assign(new EventTarget(), { installing: null, waiting: null, active: null, ...workers });

/** A container whose `register` answers with a registration of these workers; `controller` controls the page. */
export const containerOf = (controller: FakeWorker | null, workers: Partial<FakeRegistration>) =>
  new FakeContainer(controller, async () => registration(workers));
