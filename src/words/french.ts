// The edition's words in French. French puts a no-break space (U+00A0) before « : ; ? ! » and
// inside « » (a node test keeps that consistent).
import type { BuildWords } from './build-words.js';
import type { FirstUseWords } from './first-use-words.js';
import { Startup, type StartupWords } from './startup-words.js';

export const BUILD_FRENCH: BuildWords = {
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
  downloadAudio: (size, minutes) => `Télécharger l’audio (MP3, ${size}, ${minutes} min)`,
  downloadBook: (size, narrated) =>
    `Télécharger le livre numérique (EPUB${narrated ? ' avec narration' : ''}, ${size})`,
  podcastFeed: 'Flux du podcast',
  notes: 'Notes',
  backToReference: (note) => `Revenir à l’appel de note ${note}`,
  bookSummary: (pictures, narrated) =>
    [
      'L’article en texte, avec ses titres, ses sections et ses notes balisés pour qu’une application de lecture permette d’y naviguer, et une table des matières.',
      pictures ? 'Chaque image porteuse de sens a une alternative textuelle.' : '',
      narrated
        ? 'Une voix de synthèse le lit à voix haute, phrase par phrase, la phrase lue étant marquée dans le texte ; la voix de l’application de lecture ou un afficheur braille peuvent aussi le lire.'
        : 'Il n’a pas de narration : la voix de l’application de lecture ou un afficheur braille le lit.',
    ]
      .filter(Boolean)
      .join(' '),
  archive: {
    title: 'Archives',
    description: (count, site) => `Les ${count} articles de ${site}, par année`,
    allByYear: (count) => `Les ${count} articles, par année`,
    year: (year, count) => `${year} : ${count} ${count === 1 ? 'article' : 'articles'}`,
    articlesOf: (year) => `Articles de ${year}`,
    undated: 'Articles sans date',
    newer: (label) => `Plus récents : ${label}`,
    older: (label) => `Plus anciens : ${label}`,
    byYear: 'Archives par année',
  },
};

export const STARTUP_FRENCH: StartupWords = {
  [Startup.Listen]: 'Écouter',
  [Startup.Resume]: 'Reprendre',
  [Startup.ResumeMore]: ' l’écoute',
  [Startup.ResumeFrom]: ' à « {section} »',
  [Startup.StartFromBeginning]: 'Reprendre depuis le début',
  [Startup.NotSupported]: 'La lecture à voix haute n’est pas disponible dans ce navigateur.',
  [Startup.NoVoiceFor]:
    'Aucune voix pour cette langue ({language}) n’est installée sur cet appareil : l’article ne peut pas être lu à voix haute.',
  [Startup.PlayerCouldNotLoad]: 'La lecture à voix haute n’a pas pu se charger. Vérifiez la connexion, puis réessayez.',
  [Startup.ListenFromHere]: 'Écouter à partir d’ici : {heading}',
  [Startup.YouWereHere]: 'Vous en étiez ici.',
  [Startup.BackToTop]: 'Revenir au début',
  [Startup.SettingsToggle]: 'Réglages de lecture',
  [Startup.SettingsCouldNotLoad]:
    'Les réglages de lecture n’ont pas pu se charger. Vérifiez la connexion, puis réessayez.',
  [Startup.ChangedInAnotherTab]: 'Réglages de lecture modifiés dans un autre onglet.',
  [Startup.Availability]: {
    unsupported: 'La lecture hors ligne n’est pas possible dans ce navigateur.',
    saving: 'Enregistrement pour la lecture hors ligne…',
    ready: 'Disponible hors ligne.',
    incomplete: 'Enregistrée en partie pour la lecture hors ligne : le reste le sera à votre retour en ligne.',
    'storage-full': 'Impossible d’enregistrer pour la lecture hors ligne : l’espace de stockage est plein.',
    failed: 'Impossible d’enregistrer pour la lecture hors ligne : la lecture demande une connexion.',
  },
  [Startup.OfflineAndSaved]: 'Vous êtes hors ligne. Cette édition est enregistrée sur cet appareil.',
  [Startup.OfflineAnd]: 'Vous êtes hors ligne. {availability}',
  [Startup.KeptByBrowser]: 'Gardée : le navigateur ne l’effacera pas.',
  [Startup.MayBeCleared]: 'Le navigateur pourra l’effacer s’il manque de place.',
  [Startup.NewVersion]: 'Une nouvelle version est disponible.',
  [Startup.KeepAvailable]: 'Garder disponible hors ligne',
  [Startup.Reload]: 'Recharger',
  [Startup.UpdateReady]: 'Mise à jour prête',
  [Startup.YouAreOffline]: 'Vous êtes hors ligne',
  [Startup.AvailableOffline]: 'Disponible hors ligne',
  [Startup.SavingForOffline]: 'Enregistrement hors ligne',
  [Startup.PartlySaved]: 'Enregistrée en partie',
  [Startup.NotSaved]: 'Non enregistrée hors ligne',
};

export const FIRST_USE_FRENCH: FirstUseWords = {
  player: {
    loadingVoices: 'Chargement des voix…',
    finished: 'Lecture terminée.',
    states: { playing: 'Lecture en cours.', paused: 'En pause.', idle: 'Arrêté.' },
    bar: 'Lecture à voix haute',
    sectionOf: 'Section {section} sur {sections} : ',
    time: '{played} écoulées, reste environ {left}',
    minutesSeconds: '{minutes} min {seconds} s',
    seconds: '{seconds} s',
    problems: {
      'not-allowed': 'Le navigateur a bloqué la voix. Appuyez sur Lire pour la lancer.',
      'audio-busy': 'La sortie audio de l’appareil est occupée.',
      'audio-hardware': 'Aucune sortie audio n’est disponible.',
      network: 'Cette voix a besoin d’une connexion au réseau. Choisissez une voix de cet appareil.',
      'synthesis-unavailable': 'Aucun moteur de synthèse vocale n’est disponible.',
      'language-unavailable': 'Cette voix ne sait pas lire cette langue. Choisissez-en une autre.',
      'voice-unavailable': 'La voix choisie n’est pas disponible. Choisissez-en une autre.',
      'text-too-long': 'Une phrase était trop longue pour la voix.',
      'no-start': 'Le moteur de synthèse vocale n’a pas répondu.',
      interrupted: 'Un autre programme interrompait sans cesse la voix. Appuyez sur Lire pour continuer.',
      'speech-stopped': 'La lecture à voix haute s’est arrêtée ({error}). Appuyez sur Lire pour réessayer.',
      'playback-not-allowed': 'Le navigateur a bloqué la lecture. Appuyez sur Lire pour la lancer.',
      'playback-unsupported':
        'Ce navigateur ne peut pas lire l’enregistrement audio. Choisissez « La voix de l’appareil » dans « Plus d’options ».',
      'audio-not-loaded':
        'L’enregistrement audio n’a pas pu se charger. Vérifiez la connexion, puis appuyez sur Lire, ou choisissez « La voix de l’appareil » dans « Plus d’options ».',
      'audio-mismatch':
        'L’enregistrement audio ne correspond pas à cette version de l’article : la voix de l’appareil le lit à sa place.',
      'audio-unavailable':
        'L’enregistrement audio n’a pas pu se charger : la voix de l’appareil le lit à sa place. Vérifiez la connexion, puis choisissez de nouveau « L’enregistrement audio ».',
      'playback-stopped': 'La lecture de l’enregistrement s’est arrêtée ({error}). Appuyez sur Lire pour réessayer.',
    },
    unknownError: 'erreur inconnue',
    betterVoice: {
      windows:
        'Pour une voix plus naturelle, ajoutez-en une dans les Paramètres de Windows, sous Heure et langue, Voix, Ajouter des voix.',
      mac: 'Pour une voix plus naturelle, téléchargez-en une dans Réglages Système, sous Accessibilité, Contenu énoncé, Voix du système, Gérer les voix.',
      ios: 'Pour une voix plus naturelle, téléchargez-en une dans Réglages, sous Accessibilité, Contenu énoncé, Voix.',
      android:
        'Pour une voix plus naturelle, installez-en une dans Paramètres, sous Accessibilité, Sortie de la synthèse vocale, Services de reconnaissance et de synthèse vocale de Google, Installer les données vocales.',
      linux:
        'Pour une voix plus naturelle, installez une meilleure voix pour speech-dispatcher, comme RHVoice ou Piper, depuis les paquets de votre système.',
      other: 'Pour une voix plus naturelle, ajoutez-en une dans les réglages de synthèse vocale de votre système.',
    },
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
    recordedAudio: 'L’enregistrement audio',
    recordedAudioBy: 'L’enregistrement audio (voix {voice})',
    voice: 'Voix',
    browserDefault: 'Voix par défaut du navigateur',
    bestFor: 'Les meilleures pour cette langue ({language})',
    moreVoices: 'Autres voix',
    moreVoicesCount: 'Autres voix ({count})',
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
  settings: {
    resetDone: 'Réglages par défaut rétablis.',
    notSavedForNextVisit: ' Ils ne sont pas enregistrés pour votre prochaine visite.',
    changeNotSaved: 'Ce changement n’est pas enregistré pour votre prochaine visite.',
    reset: 'Rétablir les réglages par défaut',
    close: 'Fermer',
    closeWhat: ' les réglages de lecture',
    rejected: 'Certains réglages enregistrés étaient illisibles et ont repris leur valeur par défaut : {names}.',
    storageBlocked:
      'Ce navigateur ne permet pas à la page d’enregistrer les réglages : ils ne valent que pour cette visite.',
    storageFull: 'L’espace de stockage du navigateur est plein : ces réglages ne valent que pour cette visite.',
    smaller: ' Texte plus petit',
    larger: ' Texte plus grand',
    needsConnection: '(connexion nécessaire)',
    fontNeedsConnection:
      'La police {font} demande une connexion : elle n’est pas gardée sur cet appareil. Jusqu’à ce que la page s’ouvre en ligne, le texte est en police sans empattements.',
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
    homeScreenHint:
      'Sur iPhone et iPad, le navigateur efface ce que cette édition a enregistré après sept jours sans visite, sauf si vous l’ajoutez à votre écran d’accueil (Partager, puis Sur l’écran d’accueil).',
    dockHint:
      'Safari efface ce que cette édition a enregistré après sept jours sans visite, sauf si vous l’ajoutez au Dock (Fichier, Ajouter au Dock).',
    storageUsed: 'Cette édition utilise {used} sur cet appareil ; il reste de la place pour environ {left}.',
    storageUsedNoRoom: 'Cette édition utilise {used} sur cet appareil ; il ne reste plus de place.',
    storageUnknown: 'Le navigateur n’indique pas l’espace de stockage restant.',
    mayBeCleared: 'Le navigateur pourra effacer ce qui est enregistré ici s’il manque de place.',
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
      unsupported: '',
      checking: 'Recherche de l’audio sur l’appareil…',
      kept: 'Audio gardé hors ligne ({size}).',
      'not-kept': 'L’audio n’est pas gardé hors ligne : il ne s’écoute qu’en ligne.',
      keeping: 'Enregistrement de l’audio ({size})…',
      removing: 'Suppression de l’audio…',
      'storage-full':
        'Impossible de garder l’audio ({size}) : l’espace de stockage est plein. Rien d’autre n’a été supprimé.',
      failed: 'Impossible de garder l’audio : une connexion est nécessaire.',
    },
    keepAudio: 'Garder l’audio hors ligne ({size})',
    removeAudio: 'Retirer l’audio de cet appareil',
    audioRemoved: 'Audio retiré de cet appareil.',
    keptHeading: 'Gardés sur cet appareil',
    noneKept: 'Aucun article n’est encore gardé sur cet appareil : un article est gardé quand vous l’ouvrez en ligne.',
    availableOffline: 'Disponible hors ligne',
    gigabytes: 'Go',
    megabytes: 'Mo',
    kilobytes: 'Ko',
  },
};
