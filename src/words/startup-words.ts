// The words of the components that run on load (toolbar, launch buttons, offline status,
// reading place, "Listen from here"): one interface, and English, which the page's script
// carries. Other languages' tables come in the page (in-page.ts); the words only code loaded
// on first use needs are in first-use-words.ts, which travels with that code.
import { inPageWords } from './in-page.js';
import type { Template } from './template.js';

/** Offline availability of the edition, as the service worker reports it. */
type Availability = 'unsupported' | 'saving' | 'ready' | 'incomplete' | 'storage-full' | 'failed';

export interface StartupWords {
  player: {
    listen: string;
    resume: string;
    /** Shown only where the toolbar has room. */
    resumeMore: string;
    resumeFrom: Template<'section'>;
    startFromBeginning: string;
    notSupported: string;
    noVoiceFor: Template<'language'>;
    couldNotLoad: string;
    loadingVoices: string;
    finished: string;
  };
  listenFromHere: Template<'heading'>;
  readingPlace: { youWereHere: string; backToTop: string };
  settings: {
    toggle: string;
    couldNotLoad: string;
    resetDone: string;
    notSavedForNextVisit: string;
    changedInAnotherTab: string;
    changeNotSaved: string;
  };
  offline: {
    availability: Record<Availability, string>;
    offlineAndSaved: string;
    offlineAnd: Template<'availability'>;
    keptByBrowser: string;
    mayBeCleared: string;
    newVersion: string;
    keepAvailable: string;
    reload: string;
    indicator: {
      updateReady: string;
      offline: string;
      ready: string;
      saving: string;
      incomplete: string;
      notSaved: string;
    };
  };
}

export const STARTUP_ENGLISH: StartupWords = {
  player: {
    listen: 'Listen',
    resume: 'Resume',
    resumeMore: ' listening',
    resumeFrom: ' from “{section}”',
    startFromBeginning: 'Start from the beginning',
    notSupported: 'Read aloud is not available in this browser.',
    noVoiceFor: 'No {language} voice is installed on this device, so the article cannot be read aloud.',
    couldNotLoad: 'Read aloud could not load. Check the connection, then try again.',
    loadingVoices: 'Loading voices…',
    finished: 'Finished reading.',
  },
  listenFromHere: 'Listen from here: {heading}',
  readingPlace: { youWereHere: 'You were here.', backToTop: 'Back to the top' },
  settings: {
    toggle: 'Reading settings',
    couldNotLoad: 'Reading settings could not load. Check the connection, then try again.',
    resetDone: 'Settings reset to defaults.',
    notSavedForNextVisit: ' Not saved for your next visit.',
    changedInAnotherTab: 'Reading settings changed in another tab.',
    changeNotSaved: 'This change is not saved for your next visit.',
  },
  offline: {
    availability: {
      unsupported: 'Offline reading is not available in this browser.',
      saving: 'Saving for offline…',
      ready: 'Available offline.',
      incomplete: 'Partly saved for offline: the rest is saved when you are back online.',
      'storage-full': 'Could not save for offline: storage is full.',
      failed: 'Could not save for offline: reading needs a connection.',
    },
    offlineAndSaved: 'You are offline. This edition is saved on this device.',
    offlineAnd: 'You are offline. {availability}',
    keptByBrowser: 'Kept: the browser will not clear it.',
    mayBeCleared: 'The browser may clear it when space is short.',
    newVersion: 'A new version is available.',
    keepAvailable: 'Keep available offline',
    reload: 'Reload',
    indicator: {
      updateReady: 'Update ready',
      offline: 'You are offline',
      ready: 'Available offline',
      saving: 'Saving for offline',
      incomplete: 'Partly saved for offline',
      notSaved: 'Not saved for offline',
    },
  },
};

/** The words of the page the components are on: its own table (in-page.ts), or English. */
export const startupWords = (): StartupWords => inPageWords()?.startup ?? STARTUP_ENGLISH;
