// Starts everything a blind Linux desktop user has, in scratch folders, for one browser: an X
// server, a session bus, the accessibility bus, a sound server with a null sink (so speech takes
// real time), speech-dispatcher with a full log, the Orca screen reader, and Firefox ESR or
// Chromium showing the built edition from a local server. Keys are sent with xdotool, which Orca
// hears as real keys. Every process is started in its own process group and ended, group by
// group, in reverse order: on stop(), on a failure, on SIGINT/SIGTERM, and at the hard timeout.
// The order and each piece come from ../shared/notes/orca.md (seen working on this machine).
import { execFile, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, watch } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { folder, startStaticServer, type Served, type StaticServer } from '../../generator/serve.ts';
import { NULL_SINK_ARGS } from '../../tools/browsers.ts';
import { SpeechLog, type SpeechEvent } from './speech-log.ts';

const run = promisify(execFile);

/** What the stack runs, and the Debian package each comes from (.ci/run installs them). */
export const REQUIRED: readonly (readonly [file: string, debianPackage: string])[] = [
  ['/usr/bin/orca', 'orca'],
  ['/usr/lib/python3/dist-packages/pyatspi', 'python3-pyatspi'],
  ['/usr/libexec/at-spi-bus-launcher', 'at-spi2-core'],
  ['/usr/bin/Xvfb', 'xvfb'],
  ['/usr/bin/xdotool', 'xdotool'],
  ['/usr/bin/dbus-daemon', 'dbus-daemon'],
  ['/usr/share/dbus-1/session.conf', 'dbus-session-bus-common'],
  ['/usr/bin/dbus-send', 'dbus-bin'],
  ['/usr/bin/gdbus', 'libglib2.0-bin'],
  ['/usr/bin/pulseaudio', 'pulseaudio'],
  ['/usr/bin/pactl', 'pulseaudio-utils'],
  ['/usr/bin/speech-dispatcher', 'speech-dispatcher'],
  ['/usr/lib/speech-dispatcher-modules/sd_espeak-ng', 'speech-dispatcher-espeak-ng'],
  ['/usr/bin/pgrep', 'procps'],
];

export type BrowserName = 'firefox' | 'chromium';

export const BROWSERS: Readonly<Record<BrowserName, { name: string; executable: string; package: string }>> = {
  firefox: {
    name: 'Firefox ESR',
    executable: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    package: 'firefox-esr',
  },
  chromium: { name: 'Chromium', executable: process.env.CHROME_PATH ?? '/usr/bin/chromium', package: 'chromium' },
};

/** espeak-ng's pace at the voices' normal rate (its own default is 170 words a minute). */
const WORDS_A_MINUTE = 340;

/** What a fresh Firefox profile must not do: first-run pages, questions, calls out. */
const FIREFOX_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'browser.newtabpage.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.sessionstore.resume_from_crash': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'app.update.disabledForTesting': true,
  'browser.translations.enable': false,
  // Accessibility on for the AT-SPI bridge; speech synthesis on, as in a default profile.
  'accessibility.force_disabled': 0,
  'media.webspeech.synth.enabled': true,
};

/** Chromium with a fresh profile, its accessibility tree always on, and speech through speech-dispatcher. */
const CHROMIUM_FLAGS = [
  '--no-sandbox', // runs as root in CI
  '--test-type', // no infobar about --no-sandbox for Orca to read
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--password-store=basic',
  '--window-position=0,0',
  '--window-size=1280,1024',
  '--force-renderer-accessibility',
  '--enable-speech-dispatcher',
];

export interface StackOptions {
  browser: BrowserName;
  /** the built edition */
  dist: string;
  /** a folder for logs and scratch folders (created) */
  out: string;
  /** progress messages */
  say?: (line: string) => void;
}

export class OrcaStack {
  #processes: { name: string; child: ChildProcess }[] = [];
  #server: StaticServer | undefined;
  #stopping = false;
  #options: StackOptions;
  /** the environment every process of the stack runs in (set by start()) */
  env: NodeJS.ProcessEnv = {};
  /** the scratch folders, and the logs' */
  dirs: { home: string; runtime: string; prefs: string; speechd: string; profile: string; logs: string };
  /** speech-dispatcher's log, as it grows */
  speech: SpeechLog;
  /** when the browser was started (ms since the epoch) */
  browserStarted = 0;
  /** the last speech event before the browser was started */
  browserStartSeq = 0;
  url = '';

  constructor(options: StackOptions) {
    this.#options = options;
    const out = options.out;
    this.dirs = {
      home: path.join(out, 'home'),
      runtime: path.join(out, 'runtime'),
      prefs: path.join(out, 'orca-prefs'),
      speechd: path.join(out, 'speechd'),
      profile: path.join(out, 'browser-profile'),
      logs: path.join(out, 'logs'),
    };
    this.speech = new SpeechLog(path.join(this.dirs.speechd, 'speech-dispatcher.log'));
  }

  /** Whether stop() has begun: steps still running give up. */
  get stopping() {
    return this.#stopping;
  }

  /** Which packages are missing (Debian names). */
  static missing(browser: BrowserName): string[] {
    const needed = [...REQUIRED, [BROWSERS[browser].executable, BROWSERS[browser].package] as const];
    return needed.filter(([file]) => !existsSync(file)).map(([, name]) => name);
  }

  async start(): Promise<void> {
    const { dirs } = this;
    const say = this.#options.say ?? (() => {});
    for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
    await chmod(dirs.runtime, 0o700);
    const config = path.join(dirs.home, '.config');
    this.env = {
      PATH: process.env.PATH,
      LANG: 'C.UTF-8',
      HOME: dirs.home,
      XDG_RUNTIME_DIR: dirs.runtime,
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: path.join(dirs.home, '.local/share'),
      XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
      GNOME_ACCESSIBILITY: '1',
    };

    say('X server');
    const display = await this.#startXvfb();
    this.env.DISPLAY = display;

    say('session bus');
    const bus = this.#spawn('dbus', 'dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdout: 'pipe' });
    this.env.DBUS_SESSION_BUS_ADDRESS = (await firstLine(bus, 'dbus-daemon printed no address')).trim();

    say('accessibility bus');
    this.#spawn('at-spi', '/usr/libexec/at-spi-bus-launcher', ['--launch-immediately']);
    // Asked without auto-start: a call to org.a11y.Bus before our launcher owns the name would
    // make the session bus start a second launcher, and ours would leave.
    await this.#ready('the accessibility bus', () =>
      this.#exec('gdbus', ['wait', '--session', '--timeout', '30', 'org.a11y.Bus'], 35_000),
    );
    await this.#exec('dbus-send', [
      '--session',
      '--dest=org.a11y.Bus',
      '/org/a11y/bus',
      'org.freedesktop.DBus.Properties.Set',
      'string:org.a11y.Status',
      'string:IsEnabled',
      'variant:boolean:true',
    ]);

    say('sound server (null sink)');
    this.#spawn('pulseaudio', 'pulseaudio', NULL_SINK_ARGS);
    // Its socket is there once it listens (connections wait in the socket's queue until it answers).
    await this.#ready('PulseAudio', (signal) => appears(path.join(dirs.runtime, 'pulse/native'), signal));

    say('speech-dispatcher');
    await mkdir(path.join(config, 'speech-dispatcher'), { recursive: true });
    await writeFile(
      path.join(config, 'speech-dispatcher/speechd.conf'),
      [
        'AudioOutputMethod "pulse"',
        'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
        'DefaultModule espeak-ng',
        'LogLevel 5',
        `LogDir "${dirs.speechd}"`,
        '',
      ].join('\n'),
    );
    // Debian's espeak-ng settings, at twice espeak-ng's usual pace for everyone who speaks (Orca
    // and the page): the pace many screen-reader users listen at, and half the run's time.
    // What is said, and in which order, is the same at any pace.
    await mkdir(path.join(config, 'speech-dispatcher/modules'), { recursive: true });
    const espeak = await readFile('/etc/speech-dispatcher/modules/espeak-ng.conf', 'utf8').catch(() => '');
    await writeFile(
      path.join(config, 'speech-dispatcher/modules/espeak-ng.conf'),
      `${espeak.replace(/^\s*EspeakNormalRate\b.*$/gm, '')}\nEspeakNormalRate ${WORDS_A_MINUTE}\n`,
    );
    // Started here rather than spawned by Orca, so it is ours to end; Orca and the browser find
    // its socket in XDG_RUNTIME_DIR.
    this.#spawn('speech-dispatcher', 'speech-dispatcher', ['--run-single', '--timeout', '0']);
    await this.#ready('speech-dispatcher', (signal) =>
      appears(path.join(dirs.runtime, 'speech-dispatcher/speechd.sock'), signal),
    );

    say('Orca');
    // Orca's own record of what it says, beside speech-dispatcher's; read when debugging.
    await writeFile(
      path.join(dirs.prefs, 'orca-customizations.py'),
      [
        'import logging',
        `_handler = logging.FileHandler(${JSON.stringify(path.join(dirs.logs, 'orca-speech.log'))})`,
        "_handler.setFormatter(logging.Formatter('%(asctime)s.%(msecs)03d %(message)s', '%H:%M:%S'))",
        "logging.getLogger('speech').addHandler(_handler)",
        '',
      ].join('\n'),
    );
    this.#spawn('orca', 'orca', ['-u', dirs.prefs]);
    this.speech.watch();
    await this.#ready(
      'Orca to speak',
      () => this.#spoken((events) => events.some((e) => e.speaker === 'orca' && e.kind === 'begin')),
      60_000,
    );

    say('web server');
    let served: () => void = () => {};
    const pageServed = new Promise<void>((resolve) => (served = resolve));
    this.#server = await serveWithoutAudio(this.#options.dist, (entry) => {
      if (entry.path === '/edition/' && entry.status === 200) served();
    });
    this.url = `${this.#server.origin}/edition/`;

    say(BROWSERS[this.#options.browser].name);
    await this.#startBrowser();
    await this.#ready('the page to be served', () => pageServed, 60_000);
    await this.#ready(
      'Orca to say "Finished loading"',
      () =>
        this.#spoken((events) =>
          events.some(
            (e) =>
              e.speaker === 'orca' &&
              e.kind === 'queued' &&
              e.seq > this.browserStartSeq &&
              /Finished loading/.test(e.text ?? ''),
          ),
        ),
      90_000,
    );
  }

  async #startXvfb(): Promise<string> {
    // -displayfd: Xvfb picks a free display and writes its number, so runs side by side never collide.
    const xvfb = this.#spawn('xvfb', 'Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      fd3: true,
    });
    // Xvfb writes the number once it accepts connections, so nothing more to wait for.
    return `:${(await firstLine(xvfb, 'Xvfb printed no display', 3)).trim()}`;
  }

  async #startBrowser(): Promise<void> {
    const { browser } = this.#options;
    const { executable } = BROWSERS[browser];
    await this.speech.read();
    this.browserStartSeq = this.speech.events.at(-1)?.seq ?? 0;
    this.browserStarted = Date.now();
    if (browser === 'chromium') {
      this.#spawn('browser', executable, [...CHROMIUM_FLAGS, `--user-data-dir=${this.dirs.profile}`, this.url]);
    } else {
      const prefs = Object.entries(FIREFOX_PREFS).map(
        ([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`,
      );
      await writeFile(path.join(this.dirs.profile, 'user.js'), `${prefs.join('\n')}\n`);
      this.#spawn('browser', executable, ['--no-remote', '--new-instance', '--profile', this.dirs.profile, this.url]);
    }
  }

  /** Presses a key (an xdotool keysym, e.g. Tab, shift+Tab, alt+shift+Right); Orca hears it as real. */
  async key(keysym: string): Promise<void> {
    await this.#exec('xdotool', ['key', keysym]);
  }

  /** Ends every process, newest first, then removes the scratch folders (logs stay). */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    this.speech.close();
    for (const { child } of [...this.#processes].reverse()) await endGroup(child);
    await this.#server?.close();
    // A document portal the session bus started for the browser (xdg-document-portal, which
    // WebKitGTK's packages bring) may still hold its FUSE mount in the runtime folder as it ends:
    // let go of it (lazily, at once) or removing the folder fails with EBUSY.
    await this.#exec('fusermount3', ['-u', '-z', path.join(this.dirs.runtime, 'doc')]).catch(() => undefined);
    for (const dir of [this.dirs.home, this.dirs.runtime, this.dirs.profile, this.dirs.prefs])
      await rm(dir, { recursive: true, force: true });
  }

  /** For a process exit that cannot wait: kill what is left, at once. */
  stopNow(): void {
    for (const { child } of [...this.#processes].reverse()) {
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGKILL');
    }
  }

  /** Starts a process of the stack, its output in logs/<name>.log unless `io` asks for a pipe. */
  #spawn(name: string, command: string, args: string[], io: { stdout?: 'pipe'; fd3?: boolean } = {}): ChildProcess {
    if (this.#stopping) throw new Error(`not starting ${name}: the stack is stopping`);
    const log = openSync(path.join(this.dirs.logs, `${name}.log`), 'a');
    const stdio: StdioOptions = ['ignore', io.stdout ?? log, log, ...(io.fd3 ? ['pipe' as const] : [])];
    // detached: a process group of its own, so ending it ends what it started (Firefox's content
    // processes, the accessibility registry, speech-dispatcher's voice module).
    const child = spawn(command, args, { env: this.env, stdio, detached: true });
    closeSync(log);
    child.on('error', () => {}); // reported by the waits that follow
    this.#processes.push({ name, child });
    return child;
  }

  #exec(command: string, args: string[], timeout = 20_000) {
    return run(command, args, { env: this.env, timeout });
  }

  /**
   * Waits for what `ready` tells, failing at once if a process of the stack ends first (with the
   * last line of its log), or after `timeout` ms; the signal ends whatever `ready` watches.
   */
  async #ready(what: string, ready: (signal: AbortSignal) => Promise<unknown>, timeout = 30_000): Promise<void> {
    const abort = new AbortController();
    const failures: Promise<never>[] = this.#processes.map(
      ({ name, child }) =>
        new Promise<never>((_, reject) => {
          const ended = async () => {
            const log = path.join(this.dirs.logs, `${name}.log`);
            const last = (await readFile(log, 'utf8').catch(() => '')).trim().split('\n').at(-1);
            reject(
              new Error(
                `${name} ended (${child.exitCode ?? child.signalCode}) while waiting for ${what}${last ? `: “${last}”` : ''}; see ${log}`,
              ),
            );
          };
          if (child.exitCode !== null || child.signalCode !== null) void ended();
          else {
            child.once('exit', () => void ended());
            abort.signal.addEventListener('abort', () => child.removeAllListeners('exit'));
          }
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeout / 1000} s waiting for ${what}; logs in ${this.dirs.logs}`)),
        timeout,
      );
    });
    try {
      await Promise.race([ready(abort.signal), late, ...failures]);
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }

  /** Resolves once what the speech log holds satisfies `check`, reading it on each write; gives up when the stack stops. */
  async #spoken(check: (events: SpeechEvent[]) => boolean): Promise<void> {
    while (!this.#stopping) {
      await this.speech.read();
      if (check(this.speech.events)) return;
      await this.speech.grown(60_000);
    }
  }
}

/**
 * Resolves once `file` exists, told by inotify on its folder (and on the folder's own, while the
 * folder is not there yet); the signal stops the watching.
 */
async function appears(file: string, signal: AbortSignal): Promise<void> {
  const dir = path.dirname(file);
  if (!existsSync(dir)) await appears(dir, signal);
  await new Promise<void>((resolve, reject) => {
    const watcher = watch(dir, { signal });
    const look = () => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    };
    watcher.on('change', look);
    watcher.on('error', (error) => (signal.aborted ? resolve() : reject(error)));
    look(); // it may have come before the watch began
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Other Orca processes of this user: Orca will not start while one runs (it looks them up by name). */
async function otherOrcas(): Promise<string[]> {
  try {
    const { stdout } = await run('pgrep', ['-u', String(process.getuid?.() ?? 0), '-x', 'orca']);
    return stdout.split(/\s+/).filter(Boolean);
  } catch {
    return []; // pgrep found none
  }
}

/**
 * Waits until no other Orca of this user runs, so that runs on one machine (several test runs,
 * or a reader's own Orca) take turns rather than fail; never ends another's Orca. `limit` in ms.
 */
export async function waitForOtherOrcas(say: (line: string) => void, limit: number): Promise<void> {
  const end = Date.now() + limit;
  let others = await otherOrcas();
  if (others.length > 0) say(`another Orca of this user is running (pid ${others.join(', ')}); waiting for it to end`);
  while (others.length > 0) {
    if (Date.now() > end)
      throw new Error(
        `another Orca (pid ${others.join(', ')}) still runs after ${limit / 60_000} minutes; Orca runs once per user`,
      );
    await sleep(5_000);
    others = await otherOrcas();
  }
}

/** The first line a child writes on a stream (stdout, or fd 3). */
function firstLine(child: ChildProcess, failure: string, fd = 1): Promise<string> {
  const stream = child.stdio[fd];
  if (!(stream instanceof Readable)) throw new Error(`${failure}: its fd ${fd} is not a pipe`);
  return new Promise((resolve, reject) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) {
        stream.removeAllListeners('data');
        stream.resume(); // drain what follows
        resolve(text.slice(0, text.indexOf('\n')));
      }
    });
    child.once('exit', () => reject(new Error(failure)));
    child.once('error', reject);
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return; // never started
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the child's process group, SIGKILL if it has not ended within 5 s. */
async function endGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 5_000));
  if ((await Promise.race([exited, timer])) === 'late') signalGroup(child, 'SIGKILL');
  // The leader has ended; anything left in its group (a content process) goes now.
  signalGroup(child, 'SIGKILL');
}

/**
 * The built edition at /edition/, its pages without their audio edition. These journeys hear the
 * device's voice share speech-dispatcher with the screen reader; with espeak-ng's voices only,
 * the player would choose the recorded audio instead (README, "The audio edition"), which plays
 * through the sound server and never meets Orca in speech-dispatcher's queue.
 */
function serveWithoutAudio(dist: string, served: (entry: Served) => void): Promise<StaticServer> {
  const edition = folder(dist);
  return startStaticServer({
    served,
    compress: true,
    lifetimeMs: 20 * 60_000,
    async resolve(pathname: string) {
      const [, site, ...rest] = pathname.split('/');
      if (site !== 'edition') return undefined;
      const file = await edition(`/${rest.join('/')}`);
      if (!file || !pathname.endsWith('.html')) return file;
      return Buffer.from(
        file.toString('utf8').replace(/<script type="application\/json" id="audio-edition">[^]*?<\/script>\n?/, ''),
      );
    },
  });
}
