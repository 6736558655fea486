// The page's components are defined as their modules run, and defining one upgrades and first
// renders every element of it on the page at once. All in one go, that made one long task on
// load (the header's, the player's and eighteen "Listen from here" buttons): a page that ignores
// a tap for a moment on a slow phone (Total Blocking Time). So each component's module begins
// with `await ownTask()`: it is defined, upgraded and first rendered in a task of its own, and
// the browser may handle a tap or paint in between. Nothing moves meanwhile: a component's
// placeholder styles (`:not(:defined)` in styles/edition/) hold until the task that renders it.

/** Resolves in a later task, after whatever the browser has waiting (a tap, a paint). */
export const ownTask = () => new Promise<void>((resolve) => setTimeout(resolve));
