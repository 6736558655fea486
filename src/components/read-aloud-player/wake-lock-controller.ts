import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen on while the device's voice speaks, through the Screen Wake Lock API where
 * the browser has it: speech synthesis dies when a phone locks, where recorded audio (a media
 * element) plays on. The browser drops the lock whenever the page is hidden, so it is asked for
 * again when the page is visible once more, while still wanted.
 */
export class WakeLockController implements ReactiveController {
  private readonly supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  private wanted = false;
  private sentinel?: WakeLockSentinel;
  /** A request in flight: another waits for it rather than asking twice. */
  private requesting?: Promise<void>;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether a lock is held now. */
  get held() {
    return this.sentinel !== undefined && !this.sentinel.released;
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.hold(false);
  }

  /** Holds the lock while `on` (speaking), lets it go otherwise (paused, stopped). */
  hold(on: boolean) {
    if (!this.supported || on === this.wanted) return;
    this.wanted = on;
    if (on) void this.acquire();
    else this.release();
  }

  private async acquire() {
    if (this.held || document.visibilityState !== 'visible') return;
    if (this.requesting) return this.requesting;
    this.requesting = navigator.wakeLock
      .request('screen')
      .then((sentinel) => {
        this.sentinel = sentinel;
        sentinel.addEventListener('release', () => {
          if (this.sentinel === sentinel) this.sentinel = undefined;
        });
        // Let go while the request was in flight: do not keep what is no longer wanted.
        if (!this.wanted) this.release();
      })
      .catch(() => {
        // Refused (battery saver, a policy, a hidden page): the reading goes on without it.
      })
      .finally(() => (this.requesting = undefined));
    return this.requesting;
  }

  private release() {
    const sentinel = this.sentinel;
    this.sentinel = undefined;
    void sentinel?.release().catch(() => {});
  }

  private readonly onVisibility = () => {
    if (this.wanted && document.visibilityState === 'visible') void this.acquire();
  };
}
