import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MediaActions {
  play(): void;
  pause(): void;
  previous(): void;
  next(): void;
  stop(): void;
}

/**
 * Lock-screen and headset controls through the Media Session API, where the browser has it.
 * Previous and next track move by section; seek backward and forward by sentence.
 */
export class MediaSessionController implements ReactiveController {
  private readonly supported = typeof navigator !== 'undefined' && 'mediaSession' in navigator;
  private readonly actions: MediaActions & { previousSentence(): void; nextSentence(): void };

  constructor(host: ReactiveControllerHost, actions: MediaActions & { previousSentence(): void; nextSentence(): void }) {
    this.actions = actions;
    host.addController(this);
  }

  hostConnected() {
    this.setHandlers(true);
  }

  hostDisconnected() {
    this.setHandlers(false);
    if (this.supported) navigator.mediaSession.metadata = null;
  }

  update(metadata: { title: string; artist: string; album: string }, state: 'playing' | 'paused' | 'none') {
    if (!this.supported) return;
    navigator.mediaSession.metadata = state === 'none' ? null : new MediaMetadata(metadata);
    navigator.mediaSession.playbackState = state;
  }

  private setHandlers(on: boolean) {
    if (!this.supported) return;
    const handlers: [MediaSessionAction, () => void][] = [
      ['play', this.actions.play],
      ['pause', this.actions.pause],
      ['stop', this.actions.stop],
      ['previoustrack', this.actions.previous],
      ['nexttrack', this.actions.next],
      ['seekbackward', this.actions.previousSentence],
      ['seekforward', this.actions.nextSentence],
    ];
    for (const [action, handler] of handlers) {
      try {
        navigator.mediaSession.setActionHandler(action, on ? () => handler() : null);
      } catch {
        // Browsers throw for actions they do not know; the others still work.
      }
    }
  }
}
