// `npm run test:quick`, after lint and typecheck: the Node tests and the browser unit tests in
// Chromium at once. The browser tests mostly wait on the page (frames, transitions, a fake
// engine's timers) while the Node tests mostly compute, so side by side they take about as long
// as the longer of the two. The runner's progress is shown as it goes; the Node tests' report is
// held and printed after it, so the two never interleave.
//
// Left to `npm test`: the Node tests that render the audio edition, run the real speech engines or
// pack and install the package, and the browser tests web-test-runner.config.mjs names.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';

const NOT_QUICK = new Set([
  'test/audio/build.node.test.ts',
  'test/audio/pipeline.node.test.ts',
  'test/audio/podcast-feed.node.test.ts',
  'test/read-aloud/lexicon.node.test.ts',
  'test/read-aloud/spoken-script-engines.node.test.ts',
  'test/site/package.node.test.ts',
]);

interface Outcome {
  code: number;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, hold: boolean): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const files = (await readdir('test', { recursive: true })).map((file) => `test/${file}`);
const gone = [...NOT_QUICK].filter((file) => !files.includes(file));
if (gone.length > 0) throw new Error(`tools/quick-loop.ts leaves out tests that are not there: ${gone.join(', ')}`);
const nodeTests = files.filter((file) => file.endsWith('.node.test.ts') && !NOT_QUICK.has(file)).sort();
const [node, browsers] = await Promise.all([
  run('node', ['--import', 'tsx', '--test', ...nodeTests], process.env, true),
  run('npm', ['run', '--silent', 'test:browsers'], { ...process.env, TEST_QUICK: '1' }, false),
]);
process.stdout.write(`\nNode tests:\n${node.output}`);
process.exitCode = node.code || browsers.code;
