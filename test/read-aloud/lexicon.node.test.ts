// The pronunciation lexicons, heard through the engines the edition speaks each language with:
// espeak-ng (the browser tests' engine and Linux desktops' default) in a voice for the lexicon's
// language, and Flite (the audio edition's, English only). Every entry must sound like its IPA,
// spell no letters it should not, be read by its own language's rules, and never make an engine
// worse than its own reading of the written word. The distances are printed for every entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleSourceError } from '../../generator/diagnostics.ts';
import { LEXICON_DIR, SPEAK_KEYS, parseLexicon, speakKeysFor } from '../../generator/lexicon/lexicon.ts';
import { checkLexicon, describe, type EntryResult } from '../../generator/lexicon/lexicon-check.ts';
import { FRENCH, distance, fromArpabet, fromIpa } from '../../generator/lexicon/phonemes.ts';
import {
  ENGINES,
  enginesFor,
  espeakNgInstalled,
  espeakSpelled,
  fliteSpelled,
} from '../../generator/lexicon/speech-engines.ts';

const NO_ESPEAK = 'espeak-ng is not installed; as root: apt-get install espeak-ng (.ci/run installs it)';

const read = (file: string) => parseLexicon(readFileSync(file, 'utf8'), file, { capitals: false });

const failures = (checked: EntryResult[]) =>
  checked.flatMap(({ label, results }) =>
    results.flatMap((r) =>
      r.problems.map((p) => `${label} ${r.engine}${r.respelling === 'default' ? '' : ' (its own respelling)'}: ${p}`),
    ),
  );

test('every lexicon entry sounds as its IPA says in every engine of its language, and no worse than the written word', async (t) => {
  assert.ok(await espeakNgInstalled(), NO_ESPEAK);
  const files = readdirSync(LEXICON_DIR).filter((name) => name.endsWith('.json'));
  assert.deepEqual(files.sort(), ['en.json', 'fr.json']);
  for (const name of files) {
    const checked = await checkLexicon(read(path.join(LEXICON_DIR, name)));
    for (const line of describe(checked).split('\n')) t.diagnostic(line);
    assert.deepEqual(failures(checked), []);
  }
});

test('the checks fail the respellings the lexicon had before they were heard', async (t) => {
  assert.ok(await espeakNgInstalled(), NO_ESPEAK);
  const checked = await checkLexicon(read('test/fixtures/lexicon-en-before.json'));
  const found = failures(checked);
  for (const line of found) t.diagnostic(line);
  const fails = (written: string, problem: RegExp) =>
    assert.ok(
      found.some((f) => f.includes(`(${written}) espeak-ng:`) && problem.test(f)),
      `${written}: ${problem}`,
    );
  // What the issue heard: capitals spelled out, a lost s, words made worse than the engine's own reading.
  fails('psilocybin', /spells out S-Y/);
  fails('psychedelic', /spells out D-E-L/);
  fails('Psychedelics', /spells out D-E-L/);
  fails('Avellino', /spells out L-E-E/);
  fails("Dell'Ulivo", /spells out L-E-E/);
  fails("Zagat's", /drifts 1\.5 phonemes/);
  for (const written of ['psilocybin', 'psychedelic', 'Avellino', 'Michelin-starred', 'Ristorante'])
    fails(written, /is worse than the written word/);
});

test('a malformed lexicon fails the build, naming file and line', () => {
  const throwsAt = (text: string, line: number, message: RegExp) =>
    assert.throws(
      () => parseLexicon(text, 'lexicon/xx.json'),
      (error: unknown) => {
        assert.ok(error instanceof ArticleSourceError);
        assert.equal(error.diagnostic.line, line);
        assert.equal(error.diagnostic.rule, 'lexicon');
        assert.match(error.message, new RegExp(`^lexicon/xx\\.json:${line}: `));
        assert.match(error.message, message);
        return true;
      },
    );
  const lexicon = (entries: string) => `{\n  "language": "en",\n  "entries": [\n${entries}\n  ]\n}\n`;
  const good = '    { "written": "PhD", "ipa": "ˌpiˌeɪtʃˈdi", "spelled": true },';

  throwsAt('{\n  "language": "en",\n  "entries": [\n    { "written": "a" ,, }\n  ]\n}', 4, /not valid JSON/);
  throwsAt('{ "language": "en" }', 1, /"entries" list/);
  // The old form ({ written, spoken }) is caught by its field, on its own line.
  throwsAt(
    lexicon(`${good}\n    { "written": "psilocybin",\n      "spoken": "sy-luh-SY-bin" }`),
    6,
    /entry 2 \("psilocybin"\): unknown field "spoken"/,
  );
  throwsAt(
    lexicon(`${good}\n    { "written": "psilocybin", "speak": "sighla sighbin" }`),
    5,
    /entry 2 \("psilocybin"\): needs "ipa"/,
  );
  throwsAt(
    lexicon(`${good}\n    { "written": "psilocybin",\n      "ipa": "ˌsaɪləˈsaɪbɪn!" }`),
    6,
    /unknown IPA symbol "!"/,
  );
  throwsAt(
    lexicon(`${good}\n    { "written": "psilocybin", "ipa": "ˌsaɪləˈsaɪbɪn",\n      "speak": "sy-luh-SY-bin" }`),
    6,
    /"sy-luh-SY-bin" has a run of capitals/,
  );
  throwsAt(
    lexicon(`${good}\n    { "written": "café", "ipa": "kæˈfeɪ",\n      "speak": { "festival": "cafay" } }`),
    6,
    /unknown engine "festival"/,
  );
  throwsAt(lexicon(`${good}\n    { "written": "PhD", "ipa": "ˌpiˌeɪtʃˈdi" }`), 5, /"PhD" is already listed on line 4/);
  throwsAt(lexicon(`${good}\n    { "ipa": "ə" }`), 5, /entry 2: needs the "written" word/);

  const parsed = parseLexicon(
    lexicon(`${good}\n    { "written": "café", "ipa": ["kæˈfeɪ", "kəˈfeɪ"],\n      "speak": { "flite": "cafay" } }`),
    'lexicon/xx.json',
  );
  assert.deepEqual(
    parsed.entries.map(({ written, ipa, speak, spelled, line }) => ({ written, ipa, speak, spelled, line })),
    [
      { written: 'PhD', ipa: ['ˌpiˌeɪtʃˈdi'], speak: {}, spelled: true, line: 4 },
      { written: 'café', ipa: ['kæˈfeɪ', 'kəˈfeɪ'], speak: { flite: 'cafay' }, spelled: false, line: 5 },
    ],
  );
});

test('a malformed French lexicon fails the build, naming file and line', () => {
  const throwsAt = (text: string, line: number, message: RegExp) =>
    assert.throws(
      () => parseLexicon(text, 'lexicon/fr.json'),
      (error: unknown) => {
        assert.ok(error instanceof ArticleSourceError);
        assert.equal(error.diagnostic.line, line);
        assert.match(error.message, new RegExp(`^lexicon/fr\\.json:${line}: `));
        assert.match(error.message, message);
        return true;
      },
    );
  const lexicon = (entries: string) => `{\n  "language": "fr",\n  "entries": [\n${entries}\n  ]\n}\n`;
  const good = '    { "written": "Reims", "ipa": "ʁɛ̃s", "speak": "Rince" },';
  // English phonemes are not French ones: an English th, an English r.
  throwsAt(
    lexicon(`${good}\n    { "written": "rythme",\n      "ipa": "ʁiθm", "speak": "ritme" }`),
    6,
    /entry 2 \("rythme"\): unknown IPA symbol "θ" in \/ʁiθm\/: write it in the phonemes of "fr"/,
  );
  throwsAt(lexicon(`${good}\n    { "written": "Barthes", "ipa": "bɑɹt" }`), 5, /unknown IPA symbol "ɹ"/);
  // Flite speaks no French, so a respelling for it would never be heard.
  throwsAt(
    lexicon(`${good}\n    { "written": "Metz", "ipa": "mɛs",\n      "speak": { "flite": "mess" } }`),
    6,
    /"speak" has a respelling for "flite", which does not speak "fr"; leave it out/,
  );
  throwsAt(
    '{\n  "language": "de",\n  "entries": []\n}\n',
    2,
    /no phoneme inventory for "de" .*: add one to generator\/lexicon\/phonemes\.ts/,
  );
  // Nasal vowels and the uvular r are French; a rolled r is the same phoneme.
  const parsed = parseLexicon(lexicon(`${good}\n    { "written": "Metz", "ipa": ["mɛs", "mɛʀs"] }`), 'lexicon/fr.json');
  assert.deepEqual(
    parsed.entries.map(({ written, line }) => ({ written, line })),
    [
      { written: 'Reims', line: 4 },
      { written: 'Metz', line: 5 },
    ],
  );
});

test('a respelling can be meant for each engine the tests run for its language, and for none other', () => {
  assert.deepEqual(
    SPEAK_KEYS.filter((key) => key !== 'default'),
    ENGINES.map((engine) => engine.name),
  );
  for (const language of ['en', 'en-GB', 'fr', 'fr-CA']) {
    assert.deepEqual(
      speakKeysFor(language).filter((key) => key !== 'default'),
      enginesFor(language).map((engine) => engine.name),
      language,
    );
  }
  // Flite has no French voice: French is heard by espeak-ng alone.
  assert.deepEqual(
    enginesFor('fr').map((engine) => engine.name),
    ['espeak-ng'],
  );
});

test('a French entry is heard by espeak-ng’s French voice, which fails a word it reads as English', async () => {
  assert.ok(await espeakNgInstalled(), NO_ESPEAK);
  const text = `{
  "language": "fr",
  "entries": [
    { "written": "rythme", "ipa": "ʁitm" },
    { "written": "Reims", "ipa": "ʁɛ̃s" },
    { "written": "Bruxelles", "ipa": "bʁysɛl", "speak": "Brusselles" }
  ]
}`;
  const checked = await checkLexicon(parseLexicon(text, 'lexicon/fr.json'));
  assert.deepEqual(failures(checked), [
    'lexicon/fr.json:4 (rythme) espeak-ng: reads it by the rules of en',
    'lexicon/fr.json:5 (Reims) espeak-ng: drifts 2 phonemes from /ʁɛ̃s/ (allowed 1)',
  ]);
  const bruxelles = checked[2].results[0];
  // The French voice's IPA, nasal vowels and uvular r included, not the American one's.
  assert.equal(bruxelles.given.notation, 'bʁysˈɛl');
  assert.equal(bruxelles.written.notation, 'bʁyksˈɛl');
});

test('IPA and Flite phones meet in one inventory, and the distance counts what a listener hears', () => {
  // Flite's er is espeak-ng's əɹ; a flap is a t; ʌ and ə are one sound without stress.
  assert.equal(distance(fromIpa('vəɹˈændə'), fromArpabet('pau v er ae n d ax pau')), 0);
  assert.equal(distance(fromIpa('ˈwɔːɾɚ'), fromArpabet('w ao t er')), 0);
  assert.equal(distance(fromIpa('θˈɜːd'), fromArpabet('th er d')), 0);
  // A lost consonant costs one; a reduced vowel half.
  assert.equal(distance(fromIpa('zəˈɡæts'), fromIpa('zəˈɡæt')), 1);
  assert.equal(distance(fromIpa('ˌsaɪkəˈdɛlɪk'), fromIpa('ˌsaɪkɪˈdɛlɪk')), 0.5);
  // Where the engine marks stress, a stressed vowel that should not be costs half.
  assert.equal(distance(fromIpa('ˌsaɪləˈsaɪbɪn'), fromIpa('ˈsaɪlə ˈsaɪbɪn')), 0.5);
  assert.throws(() => fromIpa('ʘ'), /unknown IPA symbol "ʘ"/);
});

test('French IPA keeps its nasal vowels, counts no stress, and hears espeak-ng’s switches to English', () => {
  // sain and sa are two words; a nasal vowel is not its oral one.
  assert.equal(distance(fromIpa('sɛ̃', FRENCH), fromIpa('sɛ', FRENCH), FRENCH), 1);
  // French stresses the phrase, not the word: espeak-ng's stress on each part of a hyphenated word costs nothing.
  assert.equal(distance(fromIpa('sɛ̃sɑ̃s', FRENCH), fromIpa('sˈɛ̃sˈɑ̃s', FRENCH, { heard: true }), FRENCH), 0);
  // Mid vowels are near: ø for œ costs half.
  assert.equal(distance(fromIpa('ʃɛdœvʁ', FRENCH), fromIpa('ʃɛdˈøvʁ', FRENCH, { heard: true }), FRENCH), 0.5);
  // What espeak-ng reads as English is heard as a French ear hears it (its "rithm" is near enough
  // to ritme in phonemes: the switch itself is what the check fails); a lexicon may not write it.
  assert.equal(distance(fromIpa('ʁitm', FRENCH), fromIpa('(en)ɹˈɪθm(fr)', FRENCH, { heard: true }), FRENCH), 0);
  assert.throws(() => fromIpa('ɹˈɪθm', FRENCH), /unknown IPA symbol "ɹ"/);
});

test('letters spelled out are found in each engine’s own account of what it did', () => {
  // espeak-ng -X: "sy-luh-SY-bin vitamin D section F.A.Q." (a dotted abbreviation's first letter
  // is looked up twice; a lone letter is a word).
  const trace = [
    "Translate 'sy'",
    '  1\ts        [s]',
    "Translate 'luh'",
    "Found: '_s' [E2s]  ",
    "Found: 'y' [waI]  ",
    "Translate 'bin'",
    "Found: 'vitamin' [vaIt@mI2n]  ",
    "Found: 'd' [di:]  ",
    "Translate 'section'",
    "Found: 'f' [E2f]  ",
    "Found: 'f' [E2f]  ",
    "Found: '_a' [eI]  ",
    "Found: 'q' [kju:]  ",
  ].join('\n');
  assert.deepEqual(espeakSpelled(trace), [
    ['s', 'y'],
    ['f', 'a', 'q'],
  ]);
  // Flite -pw: the article "a" is a word, the letter A is "_a"; a lone letter is a word.
  assert.deepEqual(fliteSpelled('mccabe i i i said a word m d m _a vitamin d and'), [
    ['i', 'i', 'i'],
    ['m', 'd', 'm', 'a'],
  ]);
});
