// The pronunciation lexicon, heard through the engines the edition speaks with: espeak-ng (the
// browser tests' engine and Linux desktops' default) and Flite (the audio edition's). Every entry
// must sound like its IPA, spell no letters it should not, and never make an engine worse than
// its own reading of the written word. The distances are printed for every entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleSourceError } from '../../generator/diagnostics.ts';
import { LEXICON_DIR, SPEAK_KEYS, parseLexicon } from '../../generator/lexicon/lexicon.ts';
import { checkLexicon, describe, type EntryResult } from '../../generator/lexicon/lexicon-check.ts';
import { distance, fromArpabet, fromIpa } from '../../generator/lexicon/phonemes.ts';
import { ENGINES, espeakNgInstalled, espeakSpelled, fliteSpelled } from '../../generator/lexicon/speech-engines.ts';

const NO_ESPEAK = 'espeak-ng is not installed; as root: apt-get install espeak-ng (.ci/run installs it)';

const read = (file: string) => parseLexicon(readFileSync(file, 'utf8'), file, { capitals: false });

const failures = (checked: EntryResult[]) =>
  checked.flatMap(({ label, results }) =>
    results.flatMap((r) =>
      r.problems.map((p) => `${label} ${r.engine}${r.respelling === 'default' ? '' : ' (its own respelling)'}: ${p}`),
    ),
  );

test('every lexicon entry sounds as its IPA says in every engine, and no worse than the written word', async (t) => {
  assert.ok(await espeakNgInstalled(), NO_ESPEAK);
  const files = readdirSync(LEXICON_DIR).filter((name) => name.endsWith('.json'));
  assert.ok(files.length > 0);
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

test('a respelling can be meant for each engine the tests run, and for none other', () => {
  assert.deepEqual(
    SPEAK_KEYS.filter((key) => key !== 'default'),
    ENGINES.map((engine) => engine.name),
  );
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
