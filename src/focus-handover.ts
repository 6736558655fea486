// Moving focus away from a control that is about to go, so that screen readers follow.
//
// Browsers hand screen readers the accessibility changes of a frame together, and Chromium
// sends a frame's removals before its focus change: a control removed in the same frame as
// focus moved off it makes the screen reader lose track. Heard with Orca: on Listen, Chromium
// had it announce the Speed menu that took the removed button's place, and on Stop or on
// closing the settings Firefox had it say only "Stopped." or "collapsed". So the new control
// is focused first, and the old one goes only once that focus has reached screen readers, in
// a frame of its own.

/** Time after the next frame for the browser to have sent the focus change (it sends each frame's changes within it). */
export const FOCUS_SETTLE_MS = 150;

/**
 * Runs a callback (the removal) once a focus change just made has reached screen readers: after
 * the frame that shows it and the next one (a busy machine stretches frames, and Firefox sends a
 * frame's accessibility events as it refreshes), then a moment more.
 */
export function afterFocusSettles(callback: () => void) {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(callback, FOCUS_SETTLE_MS)));
}
