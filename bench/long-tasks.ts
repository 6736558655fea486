// The main thread's long tasks (over 50 ms, the Long Tasks API's threshold), noted in the page
// from its start, so a press can be given the longest task it met: how long a reader's next tap
// could wait while the player works.
import type { Page } from 'puppeteer-core';

/** How long after the press's outcome (speech starting, `playing`) its tasks are still counted: the first second of use. */
export const AFTER_OUTCOME_MS = 1000;

interface Task {
  start: number;
  end: number;
}

/** Runs in the page before its own script (evaluateOnNewDocument): keeps every long task as window.benchLongTasks. */
export function observeLongTasks(): void {
  const tasks: Task[] = [];
  (window as typeof window & { benchLongTasks: Task[] }).benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The longest task running at or after `since` (page time) until AFTER_OUTCOME_MS from now, in
 * ms; 0 when none was over 50 ms. A task under way at `since` counts whole: the press waited on it.
 */
export async function longestTaskSince(page: Page, since: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, AFTER_OUTCOME_MS));
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as typeof window & { benchLongTasks: Task[] }).benchLongTasks
          .filter((task) => task.end >= from)
          .map((task) => task.end - task.start),
      ),
    since,
  );
}
