import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the browser believes it has a network connection, following online and offline events. */
export class OnlineController implements ReactiveController {
  online = true;

  private readonly host: ReactiveControllerHost;
  private listeners?: AbortController;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected() {
    this.listeners = new AbortController();
    const update = () => {
      this.online = navigator.onLine;
      this.host.requestUpdate();
    };
    window.addEventListener('online', update, { signal: this.listeners.signal });
    window.addEventListener('offline', update, { signal: this.listeners.signal });
    update();
  }

  hostDisconnected() {
    this.listeners?.abort();
  }
}
