// A clock the test moves: its time, and timers that fire as it passes them, in order.
import type { Clock } from '../../src/components/read-aloud-player/sleep-timer.js';

export class FakeClock implements Clock {
  private time = 0;
  private next = 1;
  private readonly timers = new Map<number, { callback: () => void; at: number }>();

  now() {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { callback, at: this.time + ms });
    return id;
  }

  clearTimeout(id: number) {
    this.timers.delete(id);
  }

  /** Moves the time on, firing each timer it passes (and those they set) when it is due. */
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}
