// The Media Session actions a page hands a handler: lock-screen buttons are tested by calling them.
import type { Edition } from './edition.js';

/** Records each action's handler as the page sets it; call before the player loads. */
export function watchMediaSession(edition: Edition) {
  const handlers = new Map<string, MediaSessionActionHandler>();
  const session = edition.win.navigator.mediaSession;
  const set = session.setActionHandler.bind(session);
  session.setActionHandler = (action, handler) => {
    if (handler) handlers.set(action, handler);
    else handlers.delete(action);
    set(action, handler);
  };
  return handlers;
}
