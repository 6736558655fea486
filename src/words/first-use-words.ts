// The words only code loaded on first use needs (the player's bar and key list, the reading
// settings' controls, the offline details' keeping controls, the Home Screen hint, the kept
// articles): English travels with that code, in the first-use chunk; other languages' tables
// come in the page (in-page.ts). See startup-words.ts for the words of what runs on load.
import type { Kept } from '../controllers/kept-files-controller.js';
import type { ReadingSettings, SettingGroup, SettingKey } from '../preferences/reading-settings.js';
import type { ProblemCode } from '../speech/read-aloud.js';
import type { Platform } from '../speech/voices.js';
import type { KIND_CHOICES, Kind, Level } from '../speech/verbosity.js';
import type { ReadAloudAction } from '../components/read-aloud-player/shortcuts.js';
import { englishMarked, inPageWords } from './in-page.js';
import type { Template } from './template.js';

type PlayerAction = ReadAloudAction;

/** A setting's words: its name, a choice's names for its values, a checkbox's hint. */
type SettingWords<V> = { label: string } & ([V] extends [boolean]
  ? { hint?: string }
  : [V] extends [number]
    ? unknown
    : { choices: Record<V & string, string> });

/** What the offline details say of a file kept apart from its article (the audio, the book), in each state. */
interface KeptFileWords {
  unsupported: string;
  checking: string;
  kept: Template<'size'>;
  'not-kept': string;
  keeping: Template<'size'>;
  removing: string;
  'storage-full': Template<'size'>;
  failed: string;
}

export interface FirstUseWords {
  player: {
    loadingVoices: string;
    finished: string;
    states: { playing: string; paused: string; idle: string };
    bar: string;
    /** Before the section's own title. */
    sectionOf: Template<'section' | 'sections'>;
    time: Template<'played' | 'left'>;
    /** A time in the bar: "2 min 05 s"; under a minute, "45 s". */
    minutesSeconds: Template<'minutes' | 'seconds'>;
    seconds: Template<'seconds'>;
    /** Why reading stopped (src/speech/read-aloud.ts's Problem), shown and said until Play works again. */
    problems: Record<ProblemCode, string> & {
      /** A failure without words of its own, by the engine's or the media's code. */
      'speech-stopped': Template<'error'>;
      'playback-stopped': Template<'error'>;
    };
    /** The media's code where it gave none. */
    unknownError: string;
    /** Where on the listener's system to add a better voice, when the device has only poor ones. */
    betterVoice: Record<Platform, string>;
    play: string;
    pause: string;
    previousSection: string;
    previousSentence: string;
    /** The skip buttons' names (see SKIP_BACK_S); on narrow bars the number alone shows beside the glyph. */
    skipBack: Template<'seconds'>;
    skipForward: Template<'seconds'>;
    nextSentence: string;
    nextSection: string;
    stop: string;
    speed: string;
    /** Under Speed, where the device's voice cannot go as fast as chosen (deviceSpeedLimit). */
    speedLimit: Template<'limit'>;
    sleepTimer: string;
    sleepChoices: { off: string; section: string; article: string; minutes: Template<'minutes'> };
    /** Beside the sleep timer, and its description: the time left, in whole minutes rounded up. */
    sleepIn: Template<'minutes'>;
    sleepAbout: Template<'minutes'>;
    /** The time is up: the device's voice ends its sentence, the recording fades out. */
    sleepSentenceEnd: string;
    sleepFading: string;
    moreOptions: string;
    backToReading: string;
    highlight: string;
    highlights: { word: string; sentence: string; off: string };
    /** How much is said around the article's words (src/speech/verbosity.ts): the level, and each kind's choices. */
    verbosity: string;
    level: string;
    levels: Record<Level, string>;
    kinds: Record<Kind, string>;
    /** Shows the menus for each kind: a level's change then does not have them all read out. */
    eachKind: string;
    kindChoices: { [K in Kind]: Record<(typeof KIND_CHOICES)[K][number], string> };
    /** Beside the choices while the audio edition reads and they are not the standard level's. */
    recordedAtStandard: string;
    readBy: string;
    deviceVoice: string;
    /** Recorded audio, when the build does not say whose voice. */
    recordedAudio: string;
    recordedAudioBy: Template<'voice'>;
    voice: string;
    browserDefault: string;
    bestFor: Template<'language'>;
    moreVoices: string;
    moreVoicesCount: Template<'count'>;
    genders: { female: string; male: string };
    online: string;
    keysInPlayer: string;
    keysOnPage: string;
    keysOnPageHint: string;
    /** What each key does, in the key list ({seconds}: how far a skip goes). */
    actions: Record<Exclude<PlayerAction, 'skipBack' | 'skipForward'>, string> &
      Record<'skipBack' | 'skipForward', Template<'seconds'>>;
    /** Between keys that do the same. */
    or: string;
    keyNames: {
      ArrowLeft: string;
      ArrowRight: string;
      ArrowUp: string;
      ArrowDown: string;
      PageUp: string;
      PageDown: string;
      Space: string;
      Shift: string;
    };
  };
  settings: {
    resetDone: string;
    notSavedForNextVisit: string;
    changeNotSaved: string;
    reset: string;
    close: string;
    /** After Close, for screen readers. */
    closeWhat: string;
    /** The settings' names, in lower case, joined by commas. */
    rejected: Template<'names'>;
    storageBlocked: string;
    storageFull: string;
    smaller: string;
    larger: string;
    /** After an optional font's name, where it is not kept on this device and cannot be downloaded now. */
    needsConnection: string;
    /** Said when the reader chooses such a font. */
    fontNeedsConnection: Template<'font'>;
    groups: Record<SettingGroup, string>;
    each: { [K in SettingKey]: SettingWords<ReadingSettings[K]> };
  };
  /** The listening queue: "Listen next" on each article, the queue's list, and the player going on to the next article. */
  queue: {
    heading: string;
    listenNext: string;
    /** After "Listen next", for screen readers and voice control: which article. */
    which: Template<'title'>;
    addAll: string;
    remove: string;
    moveEarlier: string;
    clear: string;
    empty: string;
    /** Where storage is blocked or full. */
    notKept: string;
    added: Template<'title'>;
    addedAll: Template<'count'>;
    removed: Template<'title'>;
    moved: Template<'title' | 'position'>;
    cleared: string;
    /** In the player's bar, while it reads another article than the page's. */
    nowPlaying: string;
    /** Said as the next article begins. */
    next: Template<'title'>;
    /** Queued articles left out, offline because they are not kept, or because their page could not be loaded. */
    skippedOffline: Template<'titles'>;
    skippedFailed: Template<'titles'>;
  };
  offline: {
    /**
     * Where the browser removes what a site saved after seven days without a visit, and what
     * spares it: on iPhone and iPad (every browser there), and in Safari on a Mac.
     */
    homeScreenHint: string;
    dockHint: string;
    /** How much the site's storage holds and how much more the browser allows, as it estimates. */
    storageUsed: Template<'used' | 'left'>;
    storageUsedNoRoom: Template<'used'>;
    storageUnknown: string;
    /** Where the browser may clear the site's storage when space is short, and was not asked to keep it. */
    mayBeCleared: string;
    homeArticle: string;
    article: Record<Kept, string>;
    keepArticle: string;
    removeArticle: string;
    removedArticle: string;
    audio: KeptFileWords;
    keepAudio: Template<'size'>;
    removeAudio: string;
    audioRemoved: string;
    /** The article's accessible book (EPUB), kept apart from the article: it may weigh megabytes. */
    book: KeptFileWords;
    keepBook: Template<'size'>;
    removeBook: string;
    bookRemoved: string;
    keptHeading: string;
    noneKept: string;
    /** In the index, after an article's details. */
    availableOffline: string;
    gigabytes: string;
    megabytes: string;
    kilobytes: string;
  };
}

export const FIRST_USE_ENGLISH: FirstUseWords = {
  player: {
    loadingVoices: 'Loading voices…',
    finished: 'Finished reading.',
    states: { playing: 'Playing.', paused: 'Paused.', idle: 'Stopped.' },
    bar: 'Read aloud',
    sectionOf: 'Section {section} of {sections}: ',
    time: '{played} played, about {left} left',
    minutesSeconds: '{minutes} min {seconds} s',
    seconds: '{seconds} s',
    problems: {
      'not-allowed': 'The browser blocked speech. Press Play to start it.',
      'audio-busy': 'The device’s audio is busy.',
      'audio-hardware': 'No audio output is available.',
      network: 'The voice needs a network connection. Choose a voice on this device.',
      'synthesis-unavailable': 'No speech engine is available.',
      'language-unavailable': 'The voice cannot speak this language. Choose another voice.',
      'voice-unavailable': 'The chosen voice is not available. Choose another voice.',
      'text-too-long': 'A sentence was too long for the voice.',
      'no-start': 'The speech engine did not respond.',
      interrupted: 'Another program kept interrupting speech. Press Play to go on.',
      'speech-stopped': 'Speech stopped ({error}). Press Play to try again.',
      'playback-not-allowed': 'The browser blocked playback. Press Play to start it.',
      'playback-unsupported': 'This browser cannot play the recorded audio. Choose Device voice under More options.',
      'audio-not-loaded':
        'The recorded audio could not load. Check the connection, then press Play, or choose Device voice under More options.',
      'server-ignores-ranges':
        'This site’s server cannot stream the recorded audio to this browser. Choose Device voice under More options to listen.',
      'audio-mismatch':
        'The recorded audio does not match this version of the article, so the device voice reads instead.',
      'audio-unavailable':
        'The recorded audio could not load, so the device voice reads instead. Check the connection, then choose Recorded audio again.',
      'playback-stopped': 'Playback stopped ({error}). Press Play to try again.',
    },
    unknownError: 'unknown error',
    betterVoice: {
      windows: 'For a more natural voice, add one in Windows Settings, under Time & language, Speech, Add voices.',
      mac: 'For a more natural voice, download one in System Settings, under Accessibility, Spoken Content, System voice, Manage Voices.',
      ios: 'For a more natural voice, download one in Settings, under Accessibility, Spoken Content, Voices.',
      android:
        'For a more natural voice, install one in Settings, under Accessibility, Text-to-speech output, Speech Services by Google, Install voice data.',
      linux:
        'For a more natural voice, install a better voice for speech-dispatcher, such as RHVoice or Piper, from your system’s packages.',
      other: 'For a more natural voice, add one in your system’s speech or text-to-speech settings.',
    },
    play: 'Play',
    pause: 'Pause',
    previousSection: 'Previous section',
    previousSentence: 'Previous sentence',
    skipBack: 'Back {seconds} seconds',
    skipForward: 'Forward {seconds} seconds',
    nextSentence: 'Next sentence',
    nextSection: 'Next section',
    stop: 'Stop',
    speed: 'Speed',
    speedLimit: 'This device’s voice goes no faster than {limit}×, so it reads at {limit}×.',
    sleepTimer: 'Sleep timer',
    sleepChoices: {
      off: 'Off',
      section: 'End of this section',
      article: 'End of the article',
      minutes: '{minutes} minutes',
    },
    sleepIn: 'Stops in {minutes} min',
    sleepAbout: 'Stops in about {minutes} min',
    sleepSentenceEnd: 'Stops at the end of this sentence',
    sleepFading: 'Fading out',
    moreOptions: 'More options',
    backToReading: 'Back to reading position',
    highlight: 'Highlight while reading',
    highlights: { word: 'Sentence and word', sentence: 'Sentence', off: 'Off' },
    verbosity: 'How much is said',
    level: 'Level',
    levels: { brief: 'Brief', standard: 'Standard', full: 'Full' },
    eachKind: 'Choose for each kind',
    kinds: {
      headings: 'Headings',
      quotes: 'Quotes',
      tableHeaders: 'Table column headers',
      images: 'Pictures',
      code: 'Code examples',
      footnotes: 'Notes',
    },
    kindChoices: {
      headings: { announced: 'Announced ("Section: …")', title: 'Title only' },
      quotes: { announced: 'Start and end announced', attribution: 'Attribution only, as written' },
      tableHeaders: { said: 'With each cell', not: 'Once, before the rows' },
      images: { announced: '"Image:" and description', alt: 'Description only', off: 'Not read' },
      code: { announced: 'Announced', off: 'Not read' },
      footnotes: { end: 'At the end', referenced: 'Where referenced', off: 'Not read' },
    },
    recordedAtStandard:
      "The recorded edition is read at the standard level; your choice applies to the device's voice.",
    readBy: 'Read by',
    deviceVoice: 'Device voice',
    recordedAudio: 'Recorded audio',
    recordedAudioBy: 'Recorded audio ({voice} voice)',
    voice: 'Voice',
    browserDefault: 'Browser default',
    bestFor: 'Best for {language}',
    moreVoices: 'More voices',
    moreVoicesCount: 'More voices ({count})',
    genders: { female: 'female', male: 'male' },
    online: 'online',
    keysInPlayer: 'Keys while focus is in the player (a focused control keeps its own):',
    keysOnPage: 'Keys anywhere on the page',
    keysOnPageHint: 'Screen readers use these keys for their own commands, so leave this off if you use one.',
    actions: {
      toggle: 'play or pause',
      stop: 'stop',
      skipBack: 'back {seconds} seconds (with the device voice, about that in whole sentences)',
      skipForward: 'forward {seconds} seconds (with the device voice, about that in whole sentences)',
      previous: 'previous sentence',
      next: 'next sentence',
      previousSection: 'previous section',
      nextSection: 'next section',
      here: 'listen from the selected text, or the top of the screen',
    },
    or: ' or ',
    keyNames: {
      ArrowLeft: 'Left arrow',
      ArrowRight: 'Right arrow',
      ArrowUp: 'Up arrow',
      ArrowDown: 'Down arrow',
      PageUp: 'Page Up',
      PageDown: 'Page Down',
      Space: 'Space',
      Shift: 'Shift',
    },
  },
  settings: {
    resetDone: 'Settings reset to defaults.',
    notSavedForNextVisit: ' Not saved for your next visit.',
    changeNotSaved: 'This change is not saved for your next visit.',
    reset: 'Reset to defaults',
    close: 'Close',
    closeWhat: ' reading settings',
    rejected: 'Some saved settings could not be read and were reset to their defaults: {names}.',
    storageBlocked: 'This browser does not let the page save settings, so they apply for this visit only.',
    storageFull: 'The browser’s storage is full, so these settings apply for this visit only.',
    smaller: ' Smaller text',
    larger: ' Larger text',
    needsConnection: '(needs a connection)',
    fontNeedsConnection:
      '{font} needs a connection: it is not kept on this device. Until the page opens online, the text is in a sans-serif font.',
    groups: { text: 'Text', spacing: 'Spacing', aids: 'Reading aids' },
    each: {
      textSize: { label: 'Text size' },
      lineHeight: { label: 'Line height' },
      letterSpacing: { label: 'Letter spacing' },
      wordSpacing: { label: 'Word spacing' },
      paragraphSpacing: { label: 'Paragraph spacing' },
      width: { label: 'Line width', choices: { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' } },
      font: {
        label: 'Font',
        choices: {
          default: 'Edition default',
          serif: 'Serif',
          sans: 'Sans-serif',
          atkinson: 'Atkinson Hyperlegible',
          opendyslexic: 'OpenDyslexic',
        },
      },
      theme: {
        label: 'Theme',
        choices: { system: 'Follow system', light: 'Light', dark: 'Dark', sepia: 'Sepia', contrast: 'High contrast' },
      },
      lineFocus: {
        label: 'Line focus',
        hint: 'Dims all but the lines you are reading. It follows the pointer; Alt+↑ and Alt+↓ move it a line.',
      },
      reduceMotion: {
        label: 'Reduce motion',
        hint: 'No smooth scrolling or animation, even if your device allows it.',
      },
    },
  },
  queue: {
    heading: 'Listening queue',
    listenNext: 'Listen next',
    which: ': {title}',
    addAll: 'Queue all',
    remove: 'Remove',
    moveEarlier: 'Move up',
    clear: 'Clear the queue',
    empty: 'The queue is empty.',
    notKept: 'This browser does not keep the queue: it lasts for this visit.',
    added: 'Queued: {title}.',
    addedAll: '{count} articles queued.',
    removed: 'Removed from the queue: {title}.',
    moved: '{title} is now number {position} in the queue.',
    cleared: 'Queue cleared.',
    nowPlaying: 'Now playing:',
    next: 'Next: {title}.',
    skippedOffline: 'Skipped, not kept for offline: {titles}.',
    skippedFailed: 'Skipped, could not be loaded: {titles}.',
  },
  offline: {
    homeScreenHint:
      'On iPhone and iPad, the browser removes what this edition saved after seven days without a visit, unless you add it to your Home Screen (Share, then Add to Home Screen).',
    dockHint:
      'Safari removes what this edition saved after seven days without a visit, unless you add it to the Dock (File, Add to Dock).',
    storageUsed: 'This edition uses {used} on this device, with room for about {left} more.',
    storageUsedNoRoom: 'This edition uses {used} on this device, with no room left.',
    storageUnknown: 'The browser does not say how much storage is left.',
    mayBeCleared: 'The browser may clear what is saved here when space is short.',
    homeArticle: 'This article is the edition’s home page: it is saved with the edition.',
    article: {
      unsupported: '',
      checking: 'Checking whether this article is kept…',
      kept: 'This article is kept on this device: it opens offline.',
      'not-kept': 'This article is not kept on this device.',
      keeping: 'Keeping this article…',
      removing: 'Removing this article…',
      'storage-full': 'Could not keep this article: storage is full. Nothing else was removed.',
      failed: 'Could not keep this article: it needs a connection.',
    },
    keepArticle: 'Keep this article offline',
    removeArticle: 'Remove from this device',
    removedArticle: 'Removed from this device. Opening it online keeps it again.',
    audio: {
      unsupported: '',
      checking: 'Checking whether the audio is kept…',
      kept: 'Audio kept offline ({size}).',
      'not-kept': 'The audio is not kept offline: it plays only online.',
      keeping: 'Keeping the audio ({size})…',
      removing: 'Removing the audio…',
      'storage-full': 'Could not keep the audio ({size}): storage is full. Nothing else was removed.',
      failed: 'Could not keep the audio: it needs a connection.',
    },
    keepAudio: 'Keep audio for offline ({size})',
    removeAudio: 'Remove audio from this device',
    audioRemoved: 'Audio removed from this device.',
    book: {
      unsupported: '',
      checking: 'Checking whether the e-book is kept…',
      kept: 'E-book kept offline ({size}).',
      'not-kept': 'The e-book is not kept offline: it downloads only online.',
      keeping: 'Keeping the e-book ({size})…',
      removing: 'Removing the e-book…',
      'storage-full': 'Could not keep the e-book ({size}): storage is full. Nothing else was removed.',
      failed: 'Could not keep the e-book: it needs a connection.',
    },
    keepBook: 'Keep the e-book for offline ({size})',
    removeBook: 'Remove the e-book from this device',
    bookRemoved: 'E-book removed from this device.',
    keptHeading: 'Kept on this device',
    noneKept: 'No articles are kept on this device yet: articles are kept when you open them online.',
    availableOffline: 'Available offline',
    gigabytes: 'GB',
    megabytes: 'MB',
    kilobytes: 'KB',
  },
};

/** The words of the page the components are on: its own table (in-page.ts), or English. */
export const firstUseWords = (): FirstUseWords => inPageWords()?.firstUse ?? FIRST_USE_ENGLISH;

/** The locale of the numbers the components write (Intl), all of them first-use code: the page's own where they speak its language. */
export const pageLanguage = (): string => (englishMarked() ? 'en' : document.documentElement.lang || 'en');
