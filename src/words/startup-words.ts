// The words of the components that run on load (toolbar, launch buttons, offline status,
// reading place, "Listen from here"): one interface, and English, which the page's script
// carries. Other languages' tables come in the page (in-page.ts); the words only code loaded
// on first use needs are in first-use-words.ts, which travels with that code.
import { inPageWords } from './in-page.js';
import type { Template } from './template.js';

/** Offline availability of the edition, as the service worker reports it. */
type Availability = 'unsupported' | 'saving' | 'ready' | 'incomplete' | 'storage-full' | 'failed';

/**
 * The words' ids: the tables are keyed by them, and the components read them by them. esbuild
 * writes each as its number, so the script a page runs before a first interaction carries no
 * name twice (the table's and the reader's): about 300 bytes of its Brotli budget (docs/loading.md).
 */
export const enum Startup {
  Listen,
  Resume,
  /** Shown only where the toolbar has room. */
  ResumeMore,
  ResumeFrom,
  StartFromBeginning,
  NotSupported,
  NoVoiceFor,
  PlayerCouldNotLoad,
  ListenFromHere,
  YouWereHere,
  BackToTop,
  SettingsToggle,
  SettingsCouldNotLoad,
  ChangedInAnotherTab,
  /** By the worker's state, while online. */
  Availability,
  OfflineAndSaved,
  OfflineAnd,
  KeptByBrowser,
  MayBeCleared,
  NewVersion,
  KeepAvailable,
  Reload,
  /** The offline indicator's words. */
  UpdateReady,
  YouAreOffline,
  AvailableOffline,
  SavingForOffline,
  PartlySaved,
  NotSaved,
}

export interface StartupWords {
  [Startup.Listen]: string;
  [Startup.Resume]: string;
  [Startup.ResumeMore]: string;
  [Startup.ResumeFrom]: Template<'section'>;
  [Startup.StartFromBeginning]: string;
  [Startup.NotSupported]: string;
  [Startup.NoVoiceFor]: Template<'language'>;
  [Startup.PlayerCouldNotLoad]: string;
  [Startup.ListenFromHere]: Template<'heading'>;
  [Startup.YouWereHere]: string;
  [Startup.BackToTop]: string;
  [Startup.SettingsToggle]: string;
  [Startup.SettingsCouldNotLoad]: string;
  [Startup.ChangedInAnotherTab]: string;
  [Startup.Availability]: Record<Availability, string>;
  [Startup.OfflineAndSaved]: string;
  [Startup.OfflineAnd]: Template<'availability'>;
  [Startup.KeptByBrowser]: string;
  [Startup.MayBeCleared]: string;
  [Startup.NewVersion]: string;
  [Startup.KeepAvailable]: string;
  [Startup.Reload]: string;
  [Startup.UpdateReady]: string;
  [Startup.YouAreOffline]: string;
  [Startup.AvailableOffline]: string;
  [Startup.SavingForOffline]: string;
  [Startup.PartlySaved]: string;
  [Startup.NotSaved]: string;
}

export const STARTUP_ENGLISH: StartupWords = {
  [Startup.Listen]: 'Listen',
  [Startup.Resume]: 'Resume',
  [Startup.ResumeMore]: ' listening',
  [Startup.ResumeFrom]: ' from “{section}”',
  [Startup.StartFromBeginning]: 'Start from the beginning',
  [Startup.NotSupported]: 'Read aloud is not available in this browser.',
  [Startup.NoVoiceFor]: 'No {language} voice is installed on this device, so the article cannot be read aloud.',
  [Startup.PlayerCouldNotLoad]: 'Read aloud could not load. Check the connection, then try again.',
  [Startup.ListenFromHere]: 'Listen from here: {heading}',
  [Startup.YouWereHere]: 'You were here.',
  [Startup.BackToTop]: 'Back to the top',
  [Startup.SettingsToggle]: 'Reading settings',
  [Startup.SettingsCouldNotLoad]: 'Reading settings could not load. Check the connection, then try again.',
  [Startup.ChangedInAnotherTab]: 'Reading settings changed in another tab.',
  [Startup.Availability]: {
    unsupported: 'Offline reading is not available in this browser.',
    saving: 'Saving for offline…',
    ready: 'Available offline.',
    incomplete: 'Partly saved for offline: the rest is saved when you are back online.',
    'storage-full': 'Could not save for offline: storage is full.',
    failed: 'Could not save for offline: reading needs a connection.',
  },
  [Startup.OfflineAndSaved]: 'You are offline. This edition is saved on this device.',
  [Startup.OfflineAnd]: 'You are offline. {availability}',
  [Startup.KeptByBrowser]: 'Kept: the browser will not clear it.',
  [Startup.MayBeCleared]: 'The browser may clear it when space is short.',
  [Startup.NewVersion]: 'A new version is available.',
  [Startup.KeepAvailable]: 'Keep available offline',
  [Startup.Reload]: 'Reload',
  [Startup.UpdateReady]: 'Update ready',
  [Startup.YouAreOffline]: 'You are offline',
  [Startup.AvailableOffline]: 'Available offline',
  [Startup.SavingForOffline]: 'Saving for offline',
  [Startup.PartlySaved]: 'Partly saved for offline',
  [Startup.NotSaved]: 'Not saved for offline',
};

/** The words of the page the components are on: its own table (in-page.ts), or English. */
export const startupWords = (): StartupWords => inPageWords()?.startup ?? STARTUP_ENGLISH;
