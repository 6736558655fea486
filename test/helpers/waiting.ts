// The one place browser tests wait. Each wait is for the event it means: an event a page,
// player, media element or fake dispatches, a change to the DOM, a render, a resize, the
// browser's own intersection or idle steps; never for a number of things to have happened, nor
// for time to pass. A test that waits for something it sets off starts the wait first, then acts.
// The one poll is the voice list's (see voicesListed); the one timed window is `watch`'s, for
// checks that something does not happen where nothing marks the moment it would have.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long a wait may take before it fails, saying what it waited for. */
export const WAIT_MS = 30_000;

/** What a wait is for, in its failure's message; a function when it should tell how things stood then. */
export type What = string | (() => string);

const timedOut = (what: What, timeout: number) =>
  new Error(`timed out after ${timeout / 1000} s waiting for ${typeof what === 'function' ? what() : what}`);

/** Something that says when to look again: it calls `look` on each event, and returns how to stop. */
export type Signal = (look: () => void) => () => void;

/** Each event of these types on `target`. */
export const events =
  (target: EventTarget, ...types: string[]): Signal =>
  (look) => {
    for (const type of types) target.addEventListener(type, look);
    return () => {
      for (const type of types) target.removeEventListener(type, look);
    };
  };

/** Each change to the DOM under these nodes: children, attributes, text. A shadow root is a tree of its own: pass it too. */
export const mutations =
  (...nodes: Node[]): Signal =>
  (look) => {
    const observer = new MutationObserver(look);
    for (const node of nodes)
      observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
    return () => observer.disconnect();
  };

/** Each render of a Lit host (its controllers' hostUpdated, where a controller's changes show). */
export const updates =
  (host: ReactiveControllerHost): Signal =>
  (look) => {
    const controller: ReactiveController = { hostUpdated: look };
    host.addController(controller);
    return () => host.removeController(controller);
  };

/**
 * Each size the browser reports for these elements, looked at in the next frame. Observers are
 * told in the order they were made, so one made here hears of a change after a component's own
 * observer has; and the look waits for the frame after, as a size changed while the browser is
 * reporting sizes (by a test going on at once) is an error ("ResizeObserver loop completed").
 */
export const resizes =
  (...elements: Element[]): Signal =>
  (look) => {
    let frame: number | undefined;
    const observer = new ResizeObserver(() => (frame = requestAnimationFrame(look)));
    for (const element of elements) observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  };

/**
 * Resolves once `condition` holds: at once, or after the first of the signals' events when it
 * does. Fails after `timeout` ms, naming `what` it waited for.
 */
export function until(
  condition: () => boolean,
  what: What,
  signals: Signal | Signal[],
  timeout = WAIT_MS,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stops: (() => void)[] = [];
    const timer = setTimeout(() => finish(timedOut(what, timeout)), timeout);
    const finish = (error?: unknown) => {
      clearTimeout(timer);
      for (const stop of stops.splice(0)) stop();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const look = () => {
      try {
        if (condition()) finish();
      } catch (error) {
        finish(error);
      }
    };
    for (const signal of [signals].flat()) stops.push(signal(look));
    look();
  });
}

/** The next event of `type` on `target` (the next one `accept` takes, when given). */
export function nextEvent<E extends Event = Event>(
  target: EventTarget,
  type: string,
  accept: (event: E) => boolean = () => true,
  what: What = `a “${type}” event`,
  timeout = WAIT_MS,
): Promise<E> {
  return new Promise<E>((resolve, reject) => {
    const listener = (event: Event) => {
      try {
        if (!accept(event as E)) return;
      } catch (error) {
        done();
        reject(error);
        return;
      }
      done();
      resolve(event as E);
    };
    const timer = setTimeout(() => {
      done();
      reject(timedOut(what, timeout));
    }, timeout);
    const done = () => {
      clearTimeout(timer);
      target.removeEventListener(type, listener);
    };
    target.addEventListener(type, listener);
  });
}

/**
 * The next `count` animation frames of a window: only where a frame is the event, a render,
 * or the frame in which a component does what it leaves for one (a callback asked for after
 * the component's runs after it, in the same frame).
 */
export async function animationFrames(count = 1, win: Window = window) {
  for (let i = 0; i < count; i++) await new Promise((resolve) => win.requestAnimationFrame(resolve));
}

/**
 * The browser's next idle period: when a page does what it leaves for idle time (requestIdleCallback).
 * WebKit has none: there the page waits a second instead (keep-on-open-controller.ts), and this
 * waits on a timer set after the page's, which fires after it.
 */
export const idle = (win: Window = window) =>
  new Promise<void>((resolve) =>
    (win as Partial<Window>).requestIdleCallback
      ? win.requestIdleCallback(() => resolve())
      : win.setTimeout(resolve, 1000),
  );

/** Kept from the start: a test may take IntersectionObserver away to see a page without it. */
const Intersections = window.IntersectionObserver;

/**
 * Resolves once the browser has next worked out where these elements stand (its intersection
 * step, after a scroll is drawn): every IntersectionObserver made before this one has been told
 * of its own changes by then, in the same task, first.
 */
export function intersectionsComputed(...targets: Element[]): Promise<void> {
  return new Promise((resolve) => {
    const observer = new Intersections(() => {
      observer.disconnect();
      resolve();
    });
    for (const target of targets) observer.observe(target);
  });
}

/**
 * The events of these types seen on `target` over `ms`: for a check that something does not
 * happen, where nothing marks the moment it would have (the only timed wait here).
 */
export function watch(target: EventTarget, types: string[], ms: number): Promise<Event[]> {
  const seen: Event[] = [];
  const record = (event: Event) => seen.push(event);
  for (const type of types) target.addEventListener(type, record);
  return new Promise((resolve) =>
    setTimeout(() => {
      for (const type of types) target.removeEventListener(type, record);
      resolve(seen);
    }, ms),
  );
}

/**
 * Resolves with a window's speech voices once it lists some. The engine lists them a moment
 * (about 2 s) after the page asks, and `voiceschanged` cannot be relied on alone, so this looks
 * again on each one and every 100 ms too: the one poll the tests keep.
 */
export async function voicesListed(win: Window, timeout = WAIT_MS): Promise<SpeechSynthesisVoice[]> {
  const synth = win.speechSynthesis;
  const poll: Signal = (look) => {
    const timer = setInterval(look, 100);
    return () => clearInterval(timer);
  };
  await until(
    () => synth.getVoices().length > 0,
    'the speech engine’s voices',
    [events(synth, 'voiceschanged'), poll],
    timeout,
  );
  return synth.getVoices();
}

/** A write to a window's localStorage, told as a `write` event (see storageWrites). */
export class StorageWrite extends Event {
  constructor(
    readonly key: string,
    readonly value: string,
  ) {
    super('write');
  }
}

const writers = new WeakMap<Window, EventTarget>();

/**
 * Tells each write a page makes to its localStorage, once made, as a `write` event (a
 * StorageWrite): a page hears no `storage` event of its own writes, and the stores it writes
 * through are its own. Wraps the window's Storage.prototype.setItem, for as long as the window lives.
 */
export function storageWrites(win: Window & typeof globalThis): EventTarget {
  let writes = writers.get(win);
  if (writes) return writes;
  const target = (writes = new EventTarget());
  writers.set(win, writes);
  const proto = win.Storage.prototype;
  const setItem = proto.setItem;
  proto.setItem = function (this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    if (this === win.localStorage) target.dispatchEvent(new StorageWrite(key, String(value)));
  };
  return writes;
}

/** The page's next write of `key` to its localStorage (the next `accept` takes, when given). */
export function nextStorageWrite(
  win: Window & typeof globalThis,
  key: string,
  accept: (value: string) => boolean = () => true,
  what: What = `a write of ${key}`,
  timeout?: number,
) {
  return nextEvent<StorageWrite>(
    storageWrites(win),
    'write',
    (write) => write.key === key && accept(write.value),
    what,
    timeout,
  );
}
