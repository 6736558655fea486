// The messages the page and the service worker exchange. Imported by both sides, so it
// holds types and constants only.

/** Page → waiting worker: take over now (the reader pressed Reload). */
export const SKIP_WAITING = 'SKIP_WAITING';

/** Page → controlling worker: check every precached file is in the cache, refetching any that is not. */
export const CHECK_PRECACHE = 'CHECK_PRECACHE';

/** Worker → page, in reply to CHECK_PRECACHE over the message's port. */
export interface PrecacheCheck {
  type: 'PRECACHE_CHECKED';
  /** Precached files still missing after the repair (0 when the edition is complete offline). */
  missing: number;
}

/** Worker → every page of the site: saving for offline failed while installing. */
export interface PrecacheFailed {
  type: 'PRECACHE_FAILED';
  reason: 'storage-full' | 'network';
}

export type PageMessage = { type: typeof SKIP_WAITING } | { type: typeof CHECK_PRECACHE };
