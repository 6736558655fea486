// The edition's own words, in the reader's language where the edition has a table for it: what
// the build writes around the article (skip link, contents, byline, footer, index and offline
// pages) and what the components show and announce. The same pattern as the spoken glue words
// (speech/phrases.ts): one interface, one table per language, so a table missing a word is a
// type error. Where the article's language has no table, the edition speaks English and marks
// its words lang="en" (see editionLanguage), so a screen reader switches voices for them.
//
// French puts a no-break space (U+00A0) before « : ; ? ! » and inside « » (a node test keeps
// that consistent).
import type { ReadingSettings, SettingGroup, SettingKey } from './preferences/reading-settings.js';
import type { Kept } from './controllers/kept-files-controller.js';

/** Offline availability of the edition, as the service worker reports it. */
type Availability = 'unsupported' | 'saving' | 'ready' | 'incomplete' | 'storage-full' | 'failed';

type PlayerAction = 'toggle' | 'stop' | 'previous' | 'next' | 'previousSection' | 'nextSection' | 'here';

/** A setting's words: its name, a choice's names for its values, a checkbox's hint. */
type SettingWords<V> = { label: string } & ([V] extends [boolean]
  ? { hint?: string }
  : [V] extends [number]
    ? unknown
    : { choices: Record<V & string, string> });

export interface Words {
  /**
   * The build's words around the article, and on the index and offline pages: text without
   * HTML's special characters, into which the build puts its arguments as HTML (escaped).
   */
  page: {
    skipToArticle: string;
    skipToList: string;
    skipToMessage: string;
    contents: string;
    by(author: string): string;
    minutesRead(minutes: number): string;
    /** The footer of an article's page: the site's edition of the article. */
    editionOf(site: string, title: string, author: string | undefined): string;
    privateByDesign: string;
    moreArticles: string;
    allArticles: string;
    /** Links to the articles either side: their titles, as HTML. */
    previous(title: string): string;
    next(title: string): string;
    podcast(site: string): string;
    articlesFrom(count: number, site: string): string;
    notAvailableOffline: string;
    notKeptDescription: string;
    notKeptMessage: string;
    /** After a link to the index, which starts the sentence. */
    listSaysWhichAreKept: string;
  };
  player: {
    listen: string;
    resume: string;
    /** Shown only where the toolbar has room. */
    resumeMore: string;
    resumeFrom(section: string): string;
    startFromBeginning: string;
    notSupported: string;
    noVoiceFor(language: string): string;
    couldNotLoad: string;
    loadingVoices: string;
    finished: string;
    states: { playing: string; paused: string; idle: string };
    bar: string;
    /** Before the section's own title. */
    sectionOf(section: number, sections: number): string;
    time(played: string, left: string): string;
    play: string;
    pause: string;
    previousSection: string;
    previousSentence: string;
    nextSentence: string;
    nextSection: string;
    stop: string;
    speed: string;
    moreOptions: string;
    backToReading: string;
    highlight: string;
    highlights: { word: string; sentence: string; off: string };
    readBy: string;
    deviceVoice: string;
    recordedAudio(voice: string): string;
    voice: string;
    browserDefault: string;
    bestFor(language: string): string;
    moreVoices: string;
    moreVoicesCount(count: number): string;
    genders: { female: string; male: string };
    online: string;
    keysInPlayer: string;
    keysOnPage: string;
    keysOnPageHint: string;
    /** What each key does, in the key list. */
    actions: Record<PlayerAction, string>;
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
  listenFromHere(heading: string): string;
  readingPlace: { youWereHere: string; backToTop: string };
  settings: {
    toggle: string;
    couldNotLoad: string;
    resetDone: string;
    notSavedForNextVisit: string;
    changedInAnotherTab: string;
    changeNotSaved: string;
    reset: string;
    close: string;
    /** After Close, for screen readers. */
    closeWhat: string;
    rejected(names: string[]): string;
    storageBlocked: string;
    storageFull: string;
    smaller: string;
    larger: string;
    groups: Record<SettingGroup, string>;
    each: { [K in SettingKey]: SettingWords<ReadingSettings[K]> };
  };
  offline: {
    availability: Record<Availability, string>;
    offlineAndSaved: string;
    offlineAnd(availability: string): string;
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
    homeScreenHint: string;
    homeArticle: string;
    article: Record<Kept, string>;
    keepArticle: string;
    removeArticle: string;
    removedArticle: string;
    audio: Record<Kept, (size: string) => string>;
    keepAudio(size: string): string;
    removeAudio: string;
    audioRemoved: string;
    keptHeading: string;
    noneKept: string;
    /** In the index, after an article's details. */
    availableOffline: string;
    megabytes: string;
    kilobytes: string;
  };
}

const en: Words = {
  page: {
    skipToArticle: 'Skip to the article',
    skipToList: 'Skip to the list of articles',
    skipToMessage: 'Skip to the message',
    contents: 'Contents',
    by: (author) => `By ${author}`,
    minutesRead: (minutes) => `${minutes} min read`,
    editionOf: (site, title, author) => `${site} of “${title}”${author ? ` by ${author}` : ''}.`,
    privateByDesign: 'Private by design: nothing on this page is loaded from or reported to anywhere else.',
    moreArticles: 'More articles',
    allArticles: 'All articles',
    previous: (title) => `Previous: ${title}`,
    next: (title) => `Next: ${title}`,
    podcast: (site) => `${site} podcast`,
    articlesFrom: (count, site) => `${count} articles from ${site}`,
    notAvailableOffline: 'Not available offline',
    notKeptDescription: 'This article was not kept for offline reading.',
    notKeptMessage:
      'You are offline, and this article was not kept on this device, so it cannot be shown until you are back online.',
    listSaysWhichAreKept: ': the list says which are available offline.',
  },
  player: {
    listen: 'Listen',
    resume: 'Resume',
    resumeMore: ' listening',
    resumeFrom: (section) => ` from “${section}”`,
    startFromBeginning: 'Start from the beginning',
    notSupported: 'Read aloud is not available in this browser.',
    noVoiceFor: (language) => `No ${language} voice is installed on this device, so the article cannot be read aloud.`,
    couldNotLoad: 'Read aloud could not load. Check the connection, then try again.',
    loadingVoices: 'Loading voices…',
    finished: 'Finished reading.',
    states: { playing: 'Playing.', paused: 'Paused.', idle: 'Stopped.' },
    bar: 'Read aloud',
    sectionOf: (section, sections) => `Section ${section} of ${sections}: `,
    time: (played, left) => `${played} played, about ${left} left`,
    play: 'Play',
    pause: 'Pause',
    previousSection: 'Previous section',
    previousSentence: 'Previous sentence',
    nextSentence: 'Next sentence',
    nextSection: 'Next section',
    stop: 'Stop',
    speed: 'Speed',
    moreOptions: 'More options',
    backToReading: 'Back to reading position',
    highlight: 'Highlight while reading',
    highlights: { word: 'Sentence and word', sentence: 'Sentence', off: 'Off' },
    readBy: 'Read by',
    deviceVoice: 'Device voice',
    recordedAudio: (voice) => `Recorded audio${voice ? ` (${voice} voice)` : ''}`,
    voice: 'Voice',
    browserDefault: 'Browser default',
    bestFor: (language) => `Best for ${language}`,
    moreVoices: 'More voices',
    moreVoicesCount: (count) => `More voices (${count})`,
    genders: { female: 'female', male: 'male' },
    online: 'online',
    keysInPlayer: 'Keys while focus is in the player (a focused control keeps its own):',
    keysOnPage: 'Keys anywhere on the page',
    keysOnPageHint: 'Screen readers use these keys for their own commands, so leave this off if you use one.',
    actions: {
      toggle: 'play or pause',
      stop: 'stop',
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
  listenFromHere: (heading) => `Listen from here: ${heading}`,
  readingPlace: { youWereHere: 'You were here.', backToTop: 'Back to the top' },
  settings: {
    toggle: 'Reading settings',
    couldNotLoad: 'Reading settings could not load. Check the connection, then try again.',
    resetDone: 'Settings reset to defaults.',
    notSavedForNextVisit: ' Not saved for your next visit.',
    changedInAnotherTab: 'Reading settings changed in another tab.',
    changeNotSaved: 'This change is not saved for your next visit.',
    reset: 'Reset to defaults',
    close: 'Close',
    closeWhat: ' reading settings',
    rejected: (names) =>
      `Some saved settings could not be read and were reset to their defaults: ${names.map((name) => name.toLowerCase()).join(', ')}.`,
    storageBlocked: 'This browser does not let the page save settings, so they apply for this visit only.',
    storageFull: 'The browser’s storage is full, so these settings apply for this visit only.',
    smaller: ' Smaller text',
    larger: ' Larger text',
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
    offlineAnd: (availability) => `You are offline. ${availability}`,
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
    homeScreenHint:
      'On iPhone and iPad, Safari may clear saved reading after some days without a visit: to keep it, add this edition to your Home Screen (Share, then Add to Home Screen).',
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
      unsupported: () => '',
      checking: () => 'Checking whether the audio is kept…',
      kept: (size) => `Audio kept offline (${size}).`,
      'not-kept': () => 'The audio is not kept offline: it plays only online.',
      keeping: (size) => `Keeping the audio (${size})…`,
      removing: () => 'Removing the audio…',
      'storage-full': (size) => `Could not keep the audio (${size}): storage is full. Nothing else was removed.`,
      failed: () => 'Could not keep the audio: it needs a connection.',
    },
    keepAudio: (size) => `Keep audio for offline (${size})`,
    removeAudio: 'Remove audio from this device',
    audioRemoved: 'Audio removed from this device.',
    keptHeading: 'Kept on this device',
    noneKept: 'No articles are kept on this device yet: articles are kept when you open them online.',
    availableOffline: 'Available offline',
    megabytes: 'MB',
    kilobytes: 'KB',
  },
};

const fr: Words = {
  page: {
    skipToArticle: 'Aller à l’article',
    skipToList: 'Aller à la liste des articles',
    skipToMessage: 'Aller au message',
    contents: 'Sommaire',
    by: (author) => `Par ${author}`,
    minutesRead: (minutes) => `${minutes} min de lecture`,
    editionOf: (site, title, author) => `${site} : « ${title} »${author ? `, de ${author}` : ''}.`,
    privateByDesign:
      'Respect de la vie privée dès la conception : rien sur cette page n’est chargé depuis un autre site ni signalé ailleurs.',
    moreArticles: 'Autres articles',
    allArticles: 'Tous les articles',
    previous: (title) => `Précédent : ${title}`,
    next: (title) => `Suivant : ${title}`,
    podcast: (site) => `Podcast de ${site}`,
    articlesFrom: (count, site) => `${count} articles de ${site}`,
    notAvailableOffline: 'Indisponible hors ligne',
    notKeptDescription: 'Cet article n’a pas été gardé pour la lecture hors ligne.',
    notKeptMessage:
      'Vous êtes hors ligne et cet article n’a pas été gardé sur cet appareil : il ne pourra s’afficher qu’une fois la connexion revenue.',
    listSaysWhichAreKept: ' : la liste indique ceux qui sont disponibles hors ligne.',
  },
  player: {
    listen: 'Écouter',
    resume: 'Reprendre',
    resumeMore: ' l’écoute',
    resumeFrom: (section) => ` à « ${section} »`,
    startFromBeginning: 'Reprendre depuis le début',
    notSupported: 'La lecture à voix haute n’est pas disponible dans ce navigateur.',
    noVoiceFor: (language) =>
      `Aucune voix pour cette langue (${language}) n’est installée sur cet appareil : l’article ne peut pas être lu à voix haute.`,
    couldNotLoad: 'La lecture à voix haute n’a pas pu se charger. Vérifiez la connexion, puis réessayez.',
    loadingVoices: 'Chargement des voix…',
    finished: 'Lecture terminée.',
    states: { playing: 'Lecture en cours.', paused: 'En pause.', idle: 'Arrêté.' },
    bar: 'Lecture à voix haute',
    sectionOf: (section, sections) => `Section ${section} sur ${sections} : `,
    time: (played, left) => `${played} écoulées, reste environ ${left}`,
    play: 'Lire',
    pause: 'Pause',
    previousSection: 'Section précédente',
    previousSentence: 'Phrase précédente',
    nextSentence: 'Phrase suivante',
    nextSection: 'Section suivante',
    stop: 'Arrêter',
    speed: 'Vitesse',
    moreOptions: 'Plus d’options',
    backToReading: 'Revenir au passage lu',
    highlight: 'Surligner pendant la lecture',
    highlights: { word: 'La phrase et le mot', sentence: 'La phrase', off: 'Rien' },
    readBy: 'Lu par',
    deviceVoice: 'La voix de l’appareil',
    recordedAudio: (voice) => `L’enregistrement audio${voice ? ` (voix ${voice})` : ''}`,
    voice: 'Voix',
    browserDefault: 'Voix par défaut du navigateur',
    bestFor: (language) => `Les meilleures pour cette langue (${language})`,
    moreVoices: 'Autres voix',
    moreVoicesCount: (count) => `Autres voix (${count})`,
    genders: { female: 'féminine', male: 'masculine' },
    online: 'en ligne',
    keysInPlayer: 'Touches quand le focus est dans le lecteur (un contrôle qui a le focus garde les siennes) :',
    keysOnPage: 'Touches partout dans la page',
    keysOnPageHint:
      'Les lecteurs d’écran utilisent ces touches pour leurs propres commandes : laissez cette case décochée si vous en utilisez un.',
    actions: {
      toggle: 'lire ou mettre en pause',
      stop: 'arrêter',
      previous: 'phrase précédente',
      next: 'phrase suivante',
      previousSection: 'section précédente',
      nextSection: 'section suivante',
      here: 'écouter à partir du texte sélectionné, ou du haut de l’écran',
    },
    or: ' ou ',
    keyNames: {
      ArrowLeft: 'Flèche gauche',
      ArrowRight: 'Flèche droite',
      ArrowUp: 'Flèche haut',
      ArrowDown: 'Flèche bas',
      PageUp: 'Page précédente',
      PageDown: 'Page suivante',
      Space: 'Espace',
      Shift: 'Maj',
    },
  },
  listenFromHere: (heading) => `Écouter à partir d’ici : ${heading}`,
  readingPlace: { youWereHere: 'Vous en étiez ici.', backToTop: 'Revenir au début' },
  settings: {
    toggle: 'Réglages de lecture',
    couldNotLoad: 'Les réglages de lecture n’ont pas pu se charger. Vérifiez la connexion, puis réessayez.',
    resetDone: 'Réglages par défaut rétablis.',
    notSavedForNextVisit: ' Ils ne sont pas enregistrés pour votre prochaine visite.',
    changedInAnotherTab: 'Réglages de lecture modifiés dans un autre onglet.',
    changeNotSaved: 'Ce changement n’est pas enregistré pour votre prochaine visite.',
    reset: 'Rétablir les réglages par défaut',
    close: 'Fermer',
    closeWhat: ' les réglages de lecture',
    rejected: (names) =>
      `Certains réglages enregistrés étaient illisibles et ont repris leur valeur par défaut : ${names.map((name) => name.toLowerCase()).join(', ')}.`,
    storageBlocked:
      'Ce navigateur ne permet pas à la page d’enregistrer les réglages : ils ne valent que pour cette visite.',
    storageFull: 'L’espace de stockage du navigateur est plein : ces réglages ne valent que pour cette visite.',
    smaller: ' Texte plus petit',
    larger: ' Texte plus grand',
    groups: { text: 'Texte', spacing: 'Espacement', aids: 'Aides à la lecture' },
    each: {
      textSize: { label: 'Taille du texte' },
      lineHeight: { label: 'Interligne' },
      letterSpacing: { label: 'Espacement des lettres' },
      wordSpacing: { label: 'Espacement des mots' },
      paragraphSpacing: { label: 'Espacement des paragraphes' },
      width: { label: 'Longueur des lignes', choices: { narrow: 'Courte', medium: 'Moyenne', wide: 'Longue' } },
      font: {
        label: 'Police',
        choices: {
          default: 'Police de l’édition',
          serif: 'Avec empattements',
          sans: 'Sans empattements',
          atkinson: 'Atkinson Hyperlegible',
          opendyslexic: 'OpenDyslexic',
        },
      },
      theme: {
        label: 'Thème',
        choices: {
          system: 'Comme le système',
          light: 'Clair',
          dark: 'Sombre',
          sepia: 'Sépia',
          contrast: 'Contraste élevé',
        },
      },
      lineFocus: {
        label: 'Ligne en évidence',
        hint: 'Atténue tout sauf les lignes que vous lisez. Elle suit le pointeur ; Alt+↑ et Alt+↓ la déplacent d’une ligne.',
      },
      reduceMotion: {
        label: 'Réduire les animations',
        hint: 'Ni défilement progressif ni animation, même si votre appareil les autorise.',
      },
    },
  },
  offline: {
    availability: {
      unsupported: 'La lecture hors ligne n’est pas possible dans ce navigateur.',
      saving: 'Enregistrement pour la lecture hors ligne…',
      ready: 'Disponible hors ligne.',
      incomplete: 'Enregistrée en partie pour la lecture hors ligne : le reste le sera à votre retour en ligne.',
      'storage-full': 'Impossible d’enregistrer pour la lecture hors ligne : l’espace de stockage est plein.',
      failed: 'Impossible d’enregistrer pour la lecture hors ligne : la lecture demande une connexion.',
    },
    offlineAndSaved: 'Vous êtes hors ligne. Cette édition est enregistrée sur cet appareil.',
    offlineAnd: (availability) => `Vous êtes hors ligne. ${availability}`,
    keptByBrowser: 'Gardée : le navigateur ne l’effacera pas.',
    mayBeCleared: 'Le navigateur pourra l’effacer s’il manque de place.',
    newVersion: 'Une nouvelle version est disponible.',
    keepAvailable: 'Garder disponible hors ligne',
    reload: 'Recharger',
    indicator: {
      updateReady: 'Mise à jour prête',
      offline: 'Vous êtes hors ligne',
      ready: 'Disponible hors ligne',
      saving: 'Enregistrement hors ligne',
      incomplete: 'Enregistrée en partie',
      notSaved: 'Non enregistrée hors ligne',
    },
    homeScreenHint:
      'Sur iPhone et iPad, Safari peut effacer la lecture enregistrée après quelques jours sans visite : pour la garder, ajoutez cette édition à votre écran d’accueil (Partager, puis Sur l’écran d’accueil).',
    homeArticle: 'Cet article est la page d’accueil de l’édition : il est enregistré avec elle.',
    article: {
      unsupported: '',
      checking: 'Recherche de cet article sur l’appareil…',
      kept: 'Cet article est gardé sur cet appareil : il s’ouvre hors ligne.',
      'not-kept': 'Cet article n’est pas gardé sur cet appareil.',
      keeping: 'Enregistrement de cet article…',
      removing: 'Suppression de cet article…',
      'storage-full':
        'Impossible de garder cet article : l’espace de stockage est plein. Rien d’autre n’a été supprimé.',
      failed: 'Impossible de garder cet article : une connexion est nécessaire.',
    },
    keepArticle: 'Garder cet article hors ligne',
    removeArticle: 'Retirer de cet appareil',
    removedArticle: 'Retiré de cet appareil. L’ouvrir en ligne le gardera de nouveau.',
    audio: {
      unsupported: () => '',
      checking: () => 'Recherche de l’audio sur l’appareil…',
      kept: (size) => `Audio gardé hors ligne (${size}).`,
      'not-kept': () => 'L’audio n’est pas gardé hors ligne : il ne s’écoute qu’en ligne.',
      keeping: (size) => `Enregistrement de l’audio (${size})…`,
      removing: () => 'Suppression de l’audio…',
      'storage-full': (size) =>
        `Impossible de garder l’audio (${size}) : l’espace de stockage est plein. Rien d’autre n’a été supprimé.`,
      failed: () => 'Impossible de garder l’audio : une connexion est nécessaire.',
    },
    keepAudio: (size) => `Garder l’audio hors ligne (${size})`,
    removeAudio: 'Retirer l’audio de cet appareil',
    audioRemoved: 'Audio retiré de cet appareil.',
    keptHeading: 'Gardés sur cet appareil',
    noneKept: 'Aucun article n’est encore gardé sur cet appareil : un article est gardé quand vous l’ouvrez en ligne.',
    availableOffline: 'Disponible hors ligne',
    megabytes: 'Mo',
    kilobytes: 'Ko',
  },
};

/** The edition's tables, by primary language subtag. */
export const WORDS: Readonly<Record<string, Words>> = { en, fr };

/** The language the edition speaks on a page in a given language. */
export interface EditionLanguage {
  /** Its table's key: "fr" for "fr-CA". */
  lang: string;
  /** For dates and numbers (Intl): the page's own tag where it has a table ("en-GB" writes "31 May 2024"), "en" otherwise. */
  locale: string;
  /** English for want of a table: its words must be marked lang="en". */
  marked: boolean;
}

export function editionLanguage(lang: string): EditionLanguage {
  const primary = lang.split('-')[0].toLowerCase();
  return Object.hasOwn(WORDS, primary)
    ? { lang: primary, locale: lang, marked: false }
    : { lang: 'en', locale: 'en', marked: true };
}

/** The edition's words for a page in `lang`: its table, or English. */
export const wordsFor = (lang: string): Words => WORDS[editionLanguage(lang).lang];

/** The words of the page the components are on: the document's language is the one place they learn it. */
export const pageWords = (): Words => wordsFor(document.documentElement.lang);

/** The page's edition locale, for the numbers the components format (Intl). */
export const pageLanguage = (): string => editionLanguage(document.documentElement.lang).locale;
