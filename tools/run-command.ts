// Runs a command to its end for the scripts that build a site of their own (the benchmark's
// cold audio render, the tests' offline sites): its output comes back, or in the error.
import { spawn } from 'node:child_process';

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<string>} what it wrote to stdout and stderr
 */
export function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed:\n${output}`))));
  });
}
