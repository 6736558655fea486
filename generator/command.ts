// `reader-edition`, the command: reads its options, calls the build (build-site.ts) or the
// static server (serve.ts), and prints what they return. Nothing else lives here, so what the
// command does a script can do by importing buildSite(). `main` runs it where its output is
// given (generator/cli.ts gives the process's; the tests capture it, to read what a publisher reads).
//
// Exit codes: 0 built (or served); 1 the publisher's sources or options need a fix (the message
// says where); 2 not the sources: the command was called wrong, or the edition has a bug.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildSite, type BuildReport } from './build-site.ts';
import { ArticleSourceError, BuildError, formatDiagnostic, StrictBuildError, type Diagnostic } from './diagnostics.ts';
import { DEFAULT_CACHE_DIR } from './audio/render-cache.ts';
import { folder, startStaticServer } from './serve.ts';

const USAGE = `Usage: reader-edition <command> [options]

  reader-edition build [--articles DIR] [--out DIR] [--base-url URL] [--no-audio] [--audio-cache DIR] [--strict]
      Builds a folder of Markdown articles into a static site.
      --articles DIR     the article sources (default: the edition's own article)
      --out DIR          where the site is written: a new or empty folder, or one an earlier
                         build wrote, which is replaced once the new site is built (default: dist)
      --base-url URL     the site's public address, for the podcast feed
                         (default: base_url in site.toml, else SITE_BASE_URL)
      --no-audio         leave out the audio edition (no speech is rendered)
      --audio-cache DIR  where rendered audio is kept between builds
                         (default: ${DEFAULT_CACHE_DIR})
      --strict           fail on any warning, leaving the last site as it was (for CI)

  reader-edition preview [--out DIR] [--port N]
      Serves a built site on this computer as a static host would (compressed, with byte ranges).
      --out DIR          the built site (default: dist)
      --port N           the port on localhost (default: 4173)

  reader-edition help    this text (also --help, -h)`;

const BUILD_OPTIONS = {
  articles: { type: 'string' },
  out: { type: 'string' },
  'base-url': { type: 'string' },
  'no-audio': { type: 'boolean' },
  'audio-cache': { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PREVIEW_OPTIONS = {
  out: { type: 'string' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Wrong use of the command: said in one line, with where to find the right one. */
class UsageError extends Error {}

/** What the file system refuses (permissions, space, a read-only disk): the publisher's to fix, not a bug. */
const REFUSALS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EBUSY']);

function refusedBySystem(error: unknown): error is Error {
  return error instanceof Error && 'syscall' in error && 'code' in error && REFUSALS.has(String(error.code));
}

/** What the command says without a place in a source (a wrong option, a usage mistake): a diagnostic but for `file` and `line`. */
export type Said = Diagnostic | (Omit<Diagnostic, 'file' | 'line'> & { file?: undefined; line?: undefined });

/** Where the command's output goes, a line at a time. */
export interface CommandOutput {
  /** Standard output: progress, notes, the summary. */
  out: (line: string) => void;
  /** Standard error: errors and warnings. */
  err: (line: string) => void;
  /** Each diagnostic as it is printed, for a caller that reads records rather than lines. */
  said?: (said: Said) => void;
}

const PROCESS_OUTPUT: CommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the command; its exit code. */
export async function main(args: string[], output: CommandOutput = PROCESS_OUTPUT): Promise<number> {
  const [command, ...rest] = args;
  const say = (said: Said, line: string) => {
    output.said?.(said);
    output.err(line);
  };
  try {
    if (command === undefined) throw new UsageError('no command given');
    if (command === 'help' || command === '--help' || command === '-h') {
      output.out(USAGE);
      return 0;
    }
    if (command === 'build') return await build(rest, output);
    if (command === 'preview') return await preview(rest, output);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      say(
        { severity: 'error', rule: 'usage', message: error.message },
        `reader-edition: ${error.message}. Run "reader-edition --help" for the commands and their options.`,
      );
      return 2;
    }
    if (error instanceof ArticleSourceError) {
      say(error.diagnostic, formatDiagnostic(error.diagnostic));
      return 1;
    }
    if (error instanceof StrictBuildError) printDiagnostics(error.diagnostics, output);
    if (error instanceof BuildError) {
      say({ severity: 'error', rule: error.rule, message: error.message }, `error: ${error.message}`);
      return 1;
    }
    if (refusedBySystem(error)) {
      const message = `${error.message}: the system refused; check the folder's permissions and the free space, then build again`;
      say({ severity: 'error', rule: 'system', message }, `error: ${message}`);
      return 1;
    }
    output.err(String(error instanceof Error ? (error.stack ?? error.message) : error));
    output.err(
      '\nThis is a bug in reader-edition, not a mistake in your articles: please report it with the output above.',
    );
    return 2;
  }
}

/** The options of a command, or a UsageError naming what is wrong with them. */
function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], known: T) {
  try {
    return parseArgs({ args, options: known, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's messages go on to explain positional arguments, which these commands have none of.
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(
      unknown ? `unknown option ${unknown[1]}` : message.split('. ')[0].replace(/^./, (c) => c.toLowerCase()),
    );
  }
}

async function build(args: string[], output: CommandOutput): Promise<number> {
  const values = options(args, BUILD_OPTIONS);
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  const report = await buildSite({
    articles: values.articles,
    out: values.out,
    baseUrl: values['base-url'],
    audio: !values['no-audio'],
    audioCache: values['audio-cache'],
    strict: values.strict,
    log: output.out,
  });
  printDiagnostics(report.diagnostics, output);
  output.out(summary(report, values.out ?? 'dist'));
  return 0;
}

/** Each diagnostic once: errors and warnings where errors go, notes with the rest. */
function printDiagnostics(diagnostics: Diagnostic[], output: CommandOutput): void {
  for (const diagnostic of diagnostics) {
    output.said?.(diagnostic);
    if (diagnostic.severity === 'note') output.out(formatDiagnostic(diagnostic));
    else output.err(formatDiagnostic(diagnostic));
  }
}

function summary({ files, diagnostics }: BuildReport, out: string): string {
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const count = (severity: Diagnostic['severity'], name: string) => {
    const n = diagnostics.filter((d) => d.severity === severity).length;
    return n === 0 ? [] : [`${n} ${name}${n === 1 ? '' : 's'}`];
  };
  const said = [...count('warning', 'warning'), ...count('note', 'note')];
  return `built ${out.replace(/\/$/, '')}/: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB${said.length ? `; ${said.join(', ')}` : ''}`;
}

async function preview(args: string[], output: CommandOutput): Promise<number> {
  const values = options(args, PREVIEW_OPTIONS);
  if (values.help) {
    output.out(USAGE);
    return 0;
  }
  const out = values.out ?? 'dist';
  const port = Number(values.port ?? 4173);
  if (!/^\d+$/.test(values.port ?? '4173') || port > 65535)
    throw new UsageError(`--port takes a port number, not "${values.port}"`);
  if (!(await stat(path.join(out, 'index.html')).catch(() => undefined))) {
    throw new BuildError(
      `${out}: no built site here (no index.html): build it first with "reader-edition build --out ${out}"`,
      'preview',
    );
  }
  let server;
  try {
    // "localhost" is a secure context, as the service worker needs.
    server = await startStaticServer({ resolve: folder(out), compress: true, port, hostname: 'localhost' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
      throw new BuildError(`port ${port} is in use: choose another with --port`, 'preview');
    throw error;
  }
  output.out(`serving ${out}/ at ${server.origin}/ (Ctrl+C stops it)`);
  const stop = () => void server.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
