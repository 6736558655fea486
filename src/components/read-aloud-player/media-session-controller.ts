import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MediaActions {
  play(): void;
  pause(): void;
  previous(): void;
  next(): void;
  stop(): void;
  previousSentence(): void;
  nextSentence(): void;
  /** The lock screen's scrubber: a time in the audio edition (no-op for the device's voice). */
  seekTo(seconds: number): void;
}

export interface MediaInfo {
  title: string;
  artist: string;
  album: string;
  artwork?: MediaImage[];
}

/** Where playback is, for the lock screen's scrubber: only the audio edition has a clock. */
export interface MediaPosition {
  duration: number;
  position: number;
  playbackRate: number;
}

/**
 * Lock-screen and headset controls through the Media Session API, where the browser has it.
 * Previous and next track move by section; seek backward and forward by sentence; seek to
 * (the scrubber) moves the audio edition's clock.
 */
export class MediaSessionController implements ReactiveController {
  private readonly supported = typeof navigator !== 'undefined' && 'mediaSession' in navigator;
  private readonly actions: MediaActions;

  constructor(host: ReactiveControllerHost, actions: MediaActions) {
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

  update(metadata: MediaInfo, state: 'playing' | 'paused' | 'none', position?: MediaPosition) {
    if (!this.supported) return;
    navigator.mediaSession.metadata = state === 'none' ? null : new MediaMetadata(metadata);
    navigator.mediaSession.playbackState = state;
    try {
      // No position clears the scrubber; a position past the duration (a late clock) would throw.
      navigator.mediaSession.setPositionState?.(
        position && state !== 'none' && position.duration > 0
          ? {
              duration: position.duration,
              position: Math.min(position.position, position.duration),
              playbackRate: position.playbackRate,
            }
          : undefined,
      );
    } catch {
      // A browser that refuses the values keeps its own idea of the position.
    }
  }

  private setHandlers(on: boolean) {
    if (!this.supported) return;
    const handlers: [MediaSessionAction, (details: MediaSessionActionDetails) => void][] = [
      ['play', this.actions.play],
      ['pause', this.actions.pause],
      ['stop', this.actions.stop],
      ['previoustrack', this.actions.previous],
      ['nexttrack', this.actions.next],
      ['seekbackward', this.actions.previousSentence],
      ['seekforward', this.actions.nextSentence],
      ['seekto', (details) => details.seekTime !== undefined && this.actions.seekTo(details.seekTime)],
    ];
    for (const [action, handler] of handlers) {
      try {
        navigator.mediaSession.setActionHandler(action, on ? (details) => handler(details) : null);
      } catch {
        // Browsers throw for actions they do not know; the others still work.
      }
    }
  }
}
