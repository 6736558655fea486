// The page defines its components at once, and the browser upgrades every one on the page in
// that same task (the header's, the player's and eighteen "Listen from here" buttons): rendered
// there too, they would make one long task, a page that ignores a tap for a moment on a slow
// phone (Total Blocking Time). So each component's first render waits for a task of its own.

/** Resolves in a later task, after whatever the browser has waiting (a tap, a paint). */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));
