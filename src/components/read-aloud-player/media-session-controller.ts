import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SKIP_BACK_S, SKIP_FORWARD_S } from '../../speech/script-navigation.js';

export interface MediaActions {
  play(): void;
  pause(): void;
  previous(): void;
  next(): void;
  stop(): void;
  /** Back (negative) or forward by seconds of listening: the recording's clock, or the device's voice by whole sentences. */
  skip(seconds: number): void;
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
 * Previous and next track move by section; seek backward and forward skip as the bar's buttons
 * do (15 s back, 30 s forward, or the offset the browser asks for: lock screens draw these
 * buttons with seconds); seek to (the scrubber) moves the audio edition's clock.
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
      ['seekbackward', (details) => this.actions.skip(-(details.seekOffset ?? SKIP_BACK_S))],
      ['seekforward', (details) => this.actions.skip(details.seekOffset ?? SKIP_FORWARD_S)],
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
