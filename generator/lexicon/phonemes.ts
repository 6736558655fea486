// Compares pronunciations across notations: the lexicon's IPA, espeak-ng's IPA and Flite's
// ARPAbet phones are all reduced to one coarse General American phoneme inventory, then
// measured with a weighted edit distance. Coarse on purpose: the engines disagree on vowel
// reduction and r-colouring in ways a listener does not notice, and the distance should count
// what a listener does notice (a wrong or missing sound, a spelled-out letter, a moved stress).

/** Multi-character phonemes first, so tokenising is greedy. */
const PHONEMES = ['tʃ', 'dʒ', 'aɪ', 'aʊ', 'eɪ', 'oʊ', 'ɔɪ', ...'pbtdkgfvθðszʃʒhmnŋlrjwiɪɛæɑɔʊuə'];

/** Symbols each engine writes for what the inventory treats as one phoneme. */
const IPA_VARIANTS = new Map([
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
]);

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

const VOWELS = new Set(['i', 'ɪ', 'ɛ', 'æ', 'ɑ', 'ɔ', 'ʊ', 'u', 'ə', 'aɪ', 'aʊ', 'eɪ', 'oʊ', 'ɔɪ']);

/**
 * Pairs a listener hears as nearly the same, especially in unstressed syllables, where the
 * engines themselves disagree: they cost half a substitution.
 */
const NEAR = new Set(
  [
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
  ].flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]),
);

export interface Phoneme {
  /** One of the inventory's phonemes. */
  symbol: string;
  /** On vowels, where the notation marks it. */
  stress: 'primary' | 'secondary' | null;
}

/**
 * Phonemes of an IPA transcription (the lexicon's, or espeak-ng's `--ipa` output). Stress marks
 * are kept on the vowel that follows them; length, syllable breaks, word breaks and ties are dropped.
 */
export function fromIpa(ipa: string): Phoneme[] {
  const text = ipa
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u200d]/g, '') // combining marks (syllabic, nasal), zero-width joiners
    .replace(/[ː.\s_|‖-]/g, '');
  const phonemes: Phoneme[] = [];
  let stress: Phoneme['stress'] = null;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === 'ˈ' || c === 'ˌ') {
      stress = c === 'ˈ' ? 'primary' : 'secondary';
      i++;
      continue;
    }
    const known = PHONEMES.find((p) => text.startsWith(p, i));
    const variant = known ?? IPA_VARIANTS.get(c);
    if (variant === undefined) throw new Error(`unknown IPA symbol "${c}" in /${ipa}/`);
    i += known ? known.length : 1;
    // A variant may stand for two phonemes (ɚ is ə then r); the stress goes on the vowel.
    for (let at = 0; at < variant.length;) {
      // Every variant is spelled in the inventory's phonemes.
      const symbol = PHONEMES.find((p) => variant.startsWith(p, at))!;
      at += symbol.length;
      const vowel = VOWELS.has(symbol);
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
 * near pair); where `actual` marks stress, each aligned vowel whose primary stress differs from
 * the expected costs ½ more (a respelling split into words stresses every word, which a listener
 * hears).
 */
export function distance(expected: Phoneme[], actual: Phoneme[]): number {
  const marksStress = actual.some((p) => p.stress !== null);
  const substitution = (a: Phoneme, b: Phoneme) => {
    const base = a.symbol === b.symbol ? 0 : NEAR.has(`${a.symbol} ${b.symbol}`) ? 0.5 : 1;
    const bothVowels = VOWELS.has(a.symbol) && VOWELS.has(b.symbol);
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
