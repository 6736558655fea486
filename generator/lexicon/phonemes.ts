// Compares pronunciations across notations: the lexicon's IPA, espeak-ng's IPA and Flite's
// ARPAbet phones are all reduced to one coarse phoneme inventory for the lexicon's language
// (General American for English, standard French for French), then measured with a weighted
// edit distance. Coarse on purpose: the engines disagree on vowel reduction and r-colouring in
// ways a listener does not notice, and the distance should count what a listener does notice
// (a wrong or missing sound, a spelled-out letter, a moved stress where the language has one).

/** A language's phonemes, and how other notations' symbols map onto them. */
export interface Inventory {
  /** Multi-character phonemes first, so tokenising is greedy. */
  phonemes: string[];
  /** Symbols a transcription may write for what the inventory treats as one phoneme (or two). */
  variants: Map<string, string>;
  /**
   * Symbols only an engine's output holds, never the lexicon's IPA: espeak-ng's reading of a
   * word it took for English ("(en)ɹˈɪθm(fr)") in a French voice, heard as a French ear hears it.
   */
  heard: Map<string, string>;
  vowels: Set<string>;
  /** Pairs a listener hears as nearly the same: they cost half a substitution. */
  near: Set<string>;
  /** Whether stress tells words apart (English) or only falls on a phrase's last syllable (French). */
  stress: boolean;
  /** Combining marks that are part of a phoneme (French nasal vowels' tilde); others are dropped. */
  marks: RegExp;
}

const pairs = (list: [string, string][]) => new Set(list.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));

/** General American, for English lexicons. */
export const ENGLISH: Inventory = {
  phonemes: ['tʃ', 'dʒ', 'aɪ', 'aʊ', 'eɪ', 'oʊ', 'ɔɪ', ...'pbtdkgfvθðszʃʒhmnŋlrjwiɪɛæɑɔʊuə'],
  variants: new Map([
    ['ɡ', 'g'],
    ['ɹ', 'r'],
    ['ɾ', 't'], // a flap, as in American "water"
    ['ɐ', 'ə'],
    ['ʌ', 'ə'], // without stress, strut and schwa are not told apart
    ['ᵻ', 'ɪ'],
    ['ɨ', 'ɪ'],
    ['ɚ', 'ər'], // r-coloured vowels are a vowel and an r: Flite's "er" is espeak-ng's "əɹ" or "ɚ"
    ['ɜ', 'ər'],
    ['ɝ', 'ər'],
    ['ɒ', 'ɑ'],
    ['e', 'ɛ'], // e outside eɪ
    ['o', 'ɔ'], // espeak-ng's American "oː" before r (story, more)
    ['a', 'ɑ'], // a outside aɪ and aʊ
    ['ɬ', 'l'], // espeak-ng's reading of "sl" in some names
    ['ʔ', ''],
  ]),
  heard: new Map(),
  vowels: new Set(['i', 'ɪ', 'ɛ', 'æ', 'ɑ', 'ɔ', 'ʊ', 'u', 'ə', 'aɪ', 'aʊ', 'eɪ', 'oʊ', 'ɔɪ']),
  // Especially in unstressed syllables, where the engines themselves disagree.
  near: pairs([
    ['ə', 'ɪ'],
    ['ə', 'ʊ'],
    ['ə', 'ɛ'],
    ['ə', 'ɑ'],
    ['ə', 'ɔ'],
    ['ə', 'oʊ'],
    ['ɪ', 'i'],
    ['ɪ', 'ɛ'],
    ['ɑ', 'ɔ'],
    ['u', 'ʊ'],
    ['t', 'd'],
    ['ɔ', 'oʊ'],
  ]),
  stress: true,
  marks: /[\u0300-\u036f\u200d]/g, // syllabic and nasal marks, zero-width joiners
};

/** Standard French (the Paris norm dictionaries give), for French lexicons. */
export const FRENCH: Inventory = {
  // Nasal vowels in NFD: the vowel and a combining tilde.
  phonemes: ['ɛ\u0303', 'ɑ\u0303', 'ɔ\u0303', 'œ\u0303', ...'pbtdkgfvszʃʒmnɲŋlʁjwɥieɛaɑɔouyøœə'],
  variants: new Map([
    ['ɡ', 'g'],
    ['r', 'ʁ'], // a rolled or uvular r is the same phoneme
    ['ʀ', 'ʁ'],
    ['χ', 'ʁ'], // devoiced after a voiceless consonant (« quatre »)
    ['ɐ', 'a'],
  ]),
  heard: new Map([
    ['ɹ', 'ʁ'],
    ['ɪ', 'i'],
    ['ʊ', 'u'],
    ['æ', 'a'],
    ['ʌ', 'œ'],
    ['ɒ', 'ɔ'],
    ['ɜ', 'œ'],
    ['ɚ', 'œʁ'],
    ['θ', 't'],
    ['ð', 'd'],
    ['h', ''],
    ['ɾ', 't'],
    ['ᵻ', 'i'],
    ['ʔ', ''],
  ]),
  vowels: new Set([...'ieɛaɑɔouyøœə', 'ɛ\u0303', 'ɑ\u0303', 'ɔ\u0303', 'œ\u0303']),
  // Mid vowels that most speakers place by the syllable, not by the word; a and ɑ, ɛ̃ and œ̃, which
  // most speakers merge; schwa and the rounded mid vowels; a glide and its vowel.
  near: pairs([
    ['e', 'ɛ'],
    ['o', 'ɔ'],
    ['ø', 'œ'],
    ['a', 'ɑ'],
    ['ɛ\u0303', 'œ\u0303'],
    ['ə', 'ø'],
    ['ə', 'œ'],
    ['i', 'j'],
    ['u', 'w'],
    ['y', 'ɥ'],
  ]),
  stress: false,
  marks: /[\u0300-\u0302\u0304-\u036f\u200d]/g,
};

/** The inventory for a lexicon's language ("fr-CA" uses French), or null when there is none. */
export function inventoryFor(language: string): Inventory | null {
  const primary = language.split('-')[0].toLowerCase();
  return primary === 'en' ? ENGLISH : primary === 'fr' ? FRENCH : null;
}

/** Flite's US English phone set (CMU ARPAbet, lower case). */
const ARPABET = new Map(
  Object.entries({
    aa: 'ɑ',
    ae: 'æ',
    ah: 'ə',
    ao: 'ɔ',
    aw: 'aʊ',
    ax: 'ə',
    axr: 'ər',
    ay: 'aɪ',
    b: 'b',
    ch: 'tʃ',
    d: 'd',
    dh: 'ð',
    dx: 't',
    eh: 'ɛ',
    el: 'əl',
    em: 'əm',
    en: 'ən',
    er: 'ər',
    ey: 'eɪ',
    f: 'f',
    g: 'g',
    hh: 'h',
    ih: 'ɪ',
    ix: 'ɪ',
    iy: 'i',
    jh: 'dʒ',
    k: 'k',
    l: 'l',
    m: 'm',
    n: 'n',
    ng: 'ŋ',
    nx: 'n',
    ow: 'oʊ',
    oy: 'ɔɪ',
    p: 'p',
    r: 'r',
    s: 's',
    sh: 'ʃ',
    t: 't',
    th: 'θ',
    uh: 'ʊ',
    uw: 'u',
    v: 'v',
    w: 'w',
    y: 'j',
    z: 'z',
    zh: 'ʒ',
    pau: '',
  }),
);

export interface Phoneme {
  /** One of the inventory's phonemes. */
  symbol: string;
  /** On vowels, where the notation marks it. */
  stress: 'primary' | 'secondary' | null;
}

/**
 * Phonemes of an IPA transcription in `inventory`'s language: the lexicon's, or (`heard`)
 * espeak-ng's `--ipa` output, whose language switches ("(en)…(fr)") are dropped and whose
 * symbols of the other language are mapped as a listener would hear them. Stress marks are kept
 * on the vowel that follows them where the language has stress; length, syllable breaks, word
 * breaks and ties are dropped.
 */
export function fromIpa(ipa: string, inventory = ENGLISH, { heard = false } = {}): Phoneme[] {
  let text = ipa
    .normalize('NFD')
    .replace(inventory.marks, '')
    .replace(/[ː.\s_|‖-]/g, '');
  if (heard) text = text.replace(/\([a-z]{2,3}(?:-[a-z0-9]+)*\)/gi, '');
  const variantOf = (c: string) => inventory.variants.get(c) ?? (heard ? inventory.heard.get(c) : undefined);
  const phonemeAt = (s: string, at: number) => inventory.phonemes.find((p) => s.startsWith(p, at));
  const phonemes: Phoneme[] = [];
  let stress: Phoneme['stress'] = null;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === 'ˈ' || c === 'ˌ') {
      if (inventory.stress) stress = c === 'ˈ' ? 'primary' : 'secondary';
      i++;
      continue;
    }
    const known = phonemeAt(text, i);
    const variant = known ?? variantOf(c);
    if (variant === undefined) throw new Error(`unknown IPA symbol "${c}" in /${ipa}/`);
    i += known ? known.length : 1;
    // A variant may stand for two phonemes (ɚ is ə then r); the stress goes on the vowel.
    for (let at = 0; at < variant.length;) {
      // Every variant is spelled in the inventory's phonemes.
      const symbol = phonemeAt(variant, at)!;
      at += symbol.length;
      const vowel = inventory.vowels.has(symbol);
      phonemes.push({ symbol, stress: vowel ? stress : null });
      if (vowel) stress = null;
    }
  }
  return normalise(phonemes);
}

/** Phonemes of Flite's `-ps` output ("pau s ay l ax s ay b ax n pau"). Flite prints no stress. */
export function fromArpabet(phones: string): Phoneme[] {
  return normalise(
    phones
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((phone) => {
        const ipa = ARPABET.get(phone);
        if (ipa === undefined) throw new Error(`unknown Flite phone "${phone}"`);
        return ipa === '' ? [] : fromIpa(ipa);
      }),
  );
}

/** A doubled phoneme is one (espeak-ng's "ʊɹɹ" across a morpheme break, "ə r" after ɚ is expanded). */
function normalise(phonemes: Phoneme[]): Phoneme[] {
  const out: Phoneme[] = [];
  for (const p of phonemes) {
    const last = out.at(-1);
    if (last && p.symbol === last.symbol) {
      last.stress ??= p.stress;
      continue;
    }
    out.push({ ...p });
  }
  return out;
}

/**
 * How far `actual` is from `expected`: insertions and deletions cost 1, substitutions 1 (½ for a
 * near pair); where `actual` marks stress (never in a language without it), each aligned vowel whose primary stress differs from
 * the expected costs ½ more (a respelling split into words stresses every word, which a listener
 * hears).
 */
export function distance(expected: Phoneme[], actual: Phoneme[], inventory = ENGLISH): number {
  const marksStress = actual.some((p) => p.stress !== null);
  const substitution = (a: Phoneme, b: Phoneme) => {
    const base = a.symbol === b.symbol ? 0 : inventory.near.has(`${a.symbol} ${b.symbol}`) ? 0.5 : 1;
    const bothVowels = inventory.vowels.has(a.symbol) && inventory.vowels.has(b.symbol);
    const stress = marksStress && bothVowels && (a.stress === 'primary') !== (b.stress === 'primary') ? 0.5 : 0;
    return base + stress;
  };
  const rows = expected.length + 1;
  const cols = actual.length + 1;
  const d = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + substitution(expected[i - 1], actual[j - 1]),
      );
    }
  }
  return d[rows - 1][cols - 1];
}
