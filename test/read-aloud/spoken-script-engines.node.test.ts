// What the read-aloud player says, heard through the engines: the article's spoken script is
// built in Node exactly as the player builds it (the rendered page, its lexicon, the player's
// own buildScript), then every sentence goes through espeak-ng and Flite. No word may come out
// letter by letter except the abbreviations the lexicon says to spell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from '../../generator/lexicon/lexicon.ts';
import { articleScripts } from '../../generator/lexicon/article-script.ts';
import { scriptLetterRuns } from '../../generator/lexicon/lexicon-check.ts';
import { espeakNgInstalled } from '../../generator/lexicon/speech-engines.ts';

test('the spoken script spells out only the abbreviations the lexicon marks as spelled', async (t) => {
  assert.ok(
    await espeakNgInstalled(),
    'espeak-ng is not installed; as root: apt-get install espeak-ng (.ci/run installs it)',
  );
  const scripts = await articleScripts();
  const lexicon = await loadLexicon('en');
  assert.ok(lexicon);
  const runs = await scriptLetterRuns(scripts, lexicon);
  const describe = (r: (typeof runs)[number]) =>
    `${r.page} sentence ${r.line.index} ${r.engine} spells ${r.letters.join('-').toUpperCase()}${r.allowed ? ' (spelled on purpose)' : ''}: "${r.line.spoken}"`;
  for (const run of runs) t.diagnostic(describe(run));
  assert.deepEqual(runs.filter((r) => !r.allowed).map(describe), []);
  // The check hears spelling where there is some: each abbreviation the article uses is spelled, as meant.
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}]/gu, '');
  const used = lexicon.entries.filter(
    (e) => e.spelled && scripts.some((s) => s.lines.some((l) => l.written.includes(e.written))),
  );
  assert.ok(used.length > 0);
  for (const entry of used) {
    for (const engine of ['espeak-ng', 'flite']) {
      assert.ok(
        runs.some((r) => r.engine === engine && r.letters.join('') === letters(entry.written)),
        `${engine} spells ${entry.written}`,
      );
    }
  }
});

test('the script built in Node says what the player says, lexicon and all', async () => {
  const [{ lines }] = await articleScripts();
  const spoken = lines.map((l) => l.spoken);
  assert.ok(spoken.includes('Section: F.A.Q.'));
  assert.ok(
    spoken.some((s) =>
      s.includes('Oliver Lee McCabe the third Professor in the neuro-psychopharmacology of Consciousness'),
    ),
  );
  assert.ok(spoken.some((s) => s.includes('zuh gats number 2 Best Italian Restaurant')));
  assert.equal(spoken.at(-1), 'take a chef dot com');
  // Every sentence of the page is there, in order, and maps to what is written.
  assert.match(lines[0].written, /^After 31 Years of Treatment Resistant Depression/);
  assert.ok(lines.every((l, i) => l.index === i && l.written.trim() === l.written && l.written.length > 0));
});
