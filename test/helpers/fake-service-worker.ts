// A service worker container, registration and workers whose answers a test decides,
// standing in for `navigator.serviceWorker` where a real worker cannot be driven step by step.
import type { PageMessage, PrecacheFailed } from '../../src/service-worker/messages.js';
import { events, until } from './waiting.js';

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
  readonly register: (scriptUrl: string) => Promise<FakeRegistration & EventTarget>;
  /** What each call to `register` answered, in order. */
  private readonly answers: Promise<unknown>[] = [];
  /** Tells the test of each call to `register` (the page hears only what a container would say). */
  private readonly calls = new EventTarget();

  constructor(
    public controller: FakeWorker | null,
    register: (scriptUrl: string) => Promise<FakeRegistration & EventTarget>,
  ) {
    super();
    this.register = (scriptUrl) => {
      const answer = register(scriptUrl);
      this.answers.push(answer);
      this.calls.dispatchEvent(new Event('register'));
      return answer;
    };
  }

  /** Resolves once the page has asked to register its worker. */
  asked() {
    return until(() => this.answers.length > 0, 'the page to register its worker', events(this.calls, 'register'));
  }

  /**
   * Resolves once the page has asked to register its worker, had the answer, and handled it:
   * the page awaited the answer first, so its handling comes before this.
   */
  async answered() {
    await this.asked();
    await Promise.allSettled([this.answers.at(-1)]);
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
