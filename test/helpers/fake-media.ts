// A media element the tests drive by hand: they move its clock, end it or fail it, and see
// what the player asked of it. Events are dispatched at once, as the tests need no event loop.
import type { MediaLike } from '../../src/speech/recorded-read-aloud.js';

export class FakeMedia extends EventTarget implements MediaLike {
  currentTime = 0;
  duration = NaN;
  playbackRate = 1;
  preservesPitch = false;
  volume = 1;
  paused = true;
  ended = false;
  error: { code: number; message?: string } | null = null;
  /** What is downloaded, as [start, end] seconds: the ranges `buffered` reports. */
  downloaded: [number, number][] = [];
  /** Each play() call, and what the next one answers with. */
  plays = 0;
  refuse?: DOMException;

  get buffered() {
    const ranges = this.downloaded;
    return { length: ranges.length, start: (i: number) => ranges[i][0], end: (i: number) => ranges[i][1] };
  }

  play() {
    this.plays++;
    if (this.refuse) return Promise.reject(this.refuse);
    if (this.paused) {
      this.paused = false;
      this.ended = false;
      this.fire('play');
    }
    return Promise.resolve();
  }

  pause() {
    if (this.paused) return;
    this.paused = true;
    this.fire('pause');
  }

  /** Playback reached a time, as the browser reports it. */
  reach(seconds: number) {
    this.currentTime = seconds;
    this.fire('timeupdate');
  }

  /** Playback ran off the end: the browser pauses, then ends. */
  end(seconds: number) {
    this.currentTime = seconds;
    this.paused = true;
    this.ended = true;
    this.fire('pause');
    this.fire('ended');
  }

  fail(code = 2) {
    this.error = { code };
    this.fire('error');
  }

  /** Paused by something other than the page (another app took the audio). */
  pausedOutside() {
    this.paused = true;
    this.fire('pause');
  }

  private fire(type: string) {
    this.dispatchEvent(new Event(type));
  }
}
