// Every source file of the project is in a program that `npm run typecheck` checks: a file no
// tsconfig lists is never type-checked, however strict the settings are.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tsc = path.join(ROOT, 'node_modules/.bin/tsc');

/** The programs named by the typecheck script: `tsc --noEmit` alone is tsconfig.json. */
function checkedPrograms(): string[] {
  const script: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.typecheck;
  return script.split('&&').map((command) => /-p\s+(\S+)/.exec(command)?.[1] ?? 'tsconfig.json');
}

test('every tracked TypeScript and JavaScript file is in a program the typecheck script checks', () => {
  const sources = execFileSync('git', ['ls-files', '*.ts', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && !file.split('/').includes('fixtures'));
  const listed = new Set<string>();
  for (const program of checkedPrograms()) {
    const files = execFileSync(tsc, ['-p', program, '--listFilesOnly'], { cwd: ROOT, encoding: 'utf8' });
    for (const file of files.split('\n')) if (file.startsWith(ROOT)) listed.add(path.relative(ROOT, file));
  }
  assert.deepEqual(
    sources.filter((file) => !listed.has(file)),
    [],
    'these files are in no checked tsconfig',
  );
});

test('every checked program is strict', () => {
  for (const program of checkedPrograms()) {
    const config = JSON.parse(execFileSync(tsc, ['-p', program, '--showConfig'], { cwd: ROOT, encoding: 'utf8' }));
    assert.equal(config.compilerOptions.strict, true, `${program} is not strict`);
  }
});
