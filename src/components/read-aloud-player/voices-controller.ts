import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SpeechEngine, Voice } from '../../speech/speech-engine.js';

/**
 * Some engines (Chrome with speech-dispatcher) drop an utterance spoken before their voice
 * list has loaded; the device voice waits this long for voices, then speaks anyway (the
 * recording waits for none: see docs/read-aloud.md, "No wait without voices").
 */
export const VOICE_WAIT_MS = 4000;

/**
 * The device's speech voices, kept current as the browser loads or changes them (many load
 * theirs after the page), with a wait for the first ones. Without speech synthesis the list
 * stays empty and nothing waits.
 */
export class VoicesController implements ReactiveController {
  voices: Voice[] = [];

  private readonly host: ReactiveControllerHost;
  private readonly engine: SpeechEngine;
  private readonly waitMs: number;
  private stopWatching?: () => void;
  private waiters: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, engine: SpeechEngine, waitMs = VOICE_WAIT_MS) {
    this.host = host;
    this.engine = engine;
    this.waitMs = waitMs;
    host.addController(this);
  }

  hostConnected() {
    if (!this.engine.supported) return;
    this.voices = this.engine.voices();
    this.stopWatching = this.engine.onVoicesChanged(() => {
      this.voices = this.engine.voices();
      if (this.voices.length > 0) this.release();
      this.host.requestUpdate();
    });
  }

  hostDisconnected() {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.release();
  }

  /** Settles once there are voices, or after the wait: a failure to speak is then reported as usual. */
  loaded(): Promise<void> {
    if (this.voices.length > 0 || !this.engine.supported) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.waitMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private release() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
