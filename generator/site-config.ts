// The site's own settings: `site.toml` or `site.json` in the articles folder. Every key is
// optional; the names Hugo and Zola use for the same things are understood too, so a
// publisher can start from the config they have.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { parse as parseToml, TomlError } from 'smol-toml';
import { ArticleSourceError, type Diagnostic } from './diagnostics.ts';
import { containment } from './article/local-files.ts';
import { PODCAST_CATEGORIES } from './audio/podcast-categories.ts';

export const CONFIG_FILES = ['site.toml', 'site.json'];

export interface SiteConfig {
  /** The site's name: the index page's heading, the installed app's name. */
  title: string;
  /** BCP 47 tag for articles that give none, and the index page's. */
  language: string;
  /** The index page's description. */
  description?: string;
  /** For articles that name none. */
  author?: string;
  /** The address the site is published at, ending in "/"; gives each page a canonical link. */
  baseUrl?: string;
  /** Files and folders of the articles folder to leave out of the site. */
  ignore?: IgnorePattern[];
  /** The podcast feed's channel, where the settings have a `[podcast]` table. */
  podcast?: PodcastConfig;
  /** How many of the newest articles the home page lists (DEFAULT_HOME_ARTICLES); the archive by year has them all. */
  homeArticles?: number;
}

/** The home page lists this many of the newest articles; a site of more gets an archive by year. */
export const DEFAULT_HOME_ARTICLES = 30;

/** The podcast feed lists this many of the newest episodes. */
export const DEFAULT_FEED_EPISODES = 100;

/**
 * The `[podcast]` table: the feed's channel as podcast apps and directories show it. Title,
 * description, language and author fall back to the site's own settings.
 */
export interface PodcastConfig {
  title?: string;
  description?: string;
  /** BCP 47. */
  language?: string;
  author?: string;
  /** Who directories write to about the podcast (`itunes:owner`); not shown to listeners. */
  ownerName?: string;
  ownerEmail?: string;
  /** One of PODCAST_CATEGORIES. */
  category?: string;
  /** One of the category's subcategories. */
  subcategory?: string;
  explicit?: boolean;
  /** The company or person that publishes it, where not the author. */
  publisher?: string;
  /** How many of the newest episodes the feed lists (DEFAULT_FEED_EPISODES). */
  episodes?: number;
  /** The cover: a square PNG or JPEG in the articles folder (absolute path); the edition's icon otherwise. */
  image?: string;
  /** Where the table is written, for the diagnostics about it. */
  file: string;
  line: number;
}

/** Apple asks for a square cover of 1400–3000 px. */
export const COVER_PIXELS = { min: 1400, max: 3000 };

/** One pattern of the `ignore` list, with where it was written for the notes that name it. */
export interface IgnorePattern {
  pattern: string;
  file: string;
  line: number;
}

export const DEFAULT_CONFIG: SiteConfig = { title: 'Reader edition', language: 'en' };

/** Each setting and the other names it goes by. */
const KEYS: Record<keyof SiteConfig, readonly string[]> = {
  title: ['title'],
  language: ['language', 'languageCode', 'default_language', 'lang'],
  description: ['description'],
  author: ['author'],
  baseUrl: ['base_url', 'baseURL', 'baseUrl'],
  // Zola's name for the same list of globs.
  ignore: ['ignore', 'ignored_content'],
  podcast: ['podcast'],
  homeArticles: ['home_articles', 'homeArticles'],
};

type PodcastSetting = Exclude<keyof PodcastConfig, 'file' | 'line'>;

/** Each key of the `[podcast]` table and the other names it goes by. */
const PODCAST_KEYS: Record<PodcastSetting, readonly string[]> = {
  title: ['title'],
  description: ['description'],
  language: ['language'],
  author: ['author'],
  ownerName: ['owner_name', 'ownerName'],
  ownerEmail: ['owner_email', 'ownerEmail'],
  category: ['category'],
  subcategory: ['subcategory'],
  explicit: ['explicit'],
  publisher: ['publisher'],
  image: ['image'],
  episodes: ['episodes', 'max_episodes'],
};
const PODCAST_SETTINGS = Object.keys(PODCAST_KEYS) as PodcastSetting[];

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** How the `ignore` list is written, for the messages about it. */
const IGNORE_FORM = {
  toml: 'ignore = ["drafts/**", "*.private.md"]',
  json: '"ignore": ["drafts/**", "*.private.md"]',
};
const GLOB_SYNTAX = '* stands for any characters but /, ** for any folders, ? for one character';

const SETTINGS = Object.keys(KEYS) as (keyof SiteConfig)[];

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The folder's settings file, else where its site.toml would be: what a diagnostic about a missing setting names. */
export async function settingsFile(dir: string): Promise<string> {
  for (const name of CONFIG_FILES) {
    const file = path.join(dir, name);
    if (
      await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return file;
  }
  return path.join(dir, CONFIG_FILES[0]);
}

/** @param dir the articles folder */
export async function loadSiteConfig(dir: string, warn: (warning: Diagnostic) => void): Promise<SiteConfig> {
  const found: { file: string; text: string }[] = [];
  for (const name of CONFIG_FILES) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) found.push({ file, text });
  }
  if (found.length === 0) return { ...DEFAULT_CONFIG };
  if (found.length > 1)
    throw new ArticleSourceError(
      found[1].file,
      1,
      'site-config',
      `use one site settings file, not both ${CONFIG_FILES.join(' and ')}`,
    );
  const { file, text } = found[0];
  const lineOf = (key: string) => {
    const pattern = new RegExp(`^\\s*"?${asText(key)}"?\\s*[:=]`);
    const at = text.split('\n').findIndex((line) => pattern.test(line));
    return at >= 0 ? at + 1 : 1;
  };

  let parsed: unknown;
  try {
    parsed = file.endsWith('.toml') ? parseToml(text) : JSON.parse(text);
  } catch (error) {
    // smol-toml names the line; JSON.parse the position in the text.
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line =
      error instanceof TomlError ? error.line : position ? text.slice(0, Number(position)).split('\n').length : 1;
    throw new ArticleSourceError(
      file,
      line,
      'site-config',
      `not valid ${file.endsWith('.toml') ? 'TOML' : 'JSON'}: ${message.split('\n')[0]}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ArticleSourceError(file, 1, 'site-config', 'site settings must be a table of keys and values');
  const data = parsed as Record<string, unknown>;

  const config: SiteConfig = { ...DEFAULT_CONFIG };
  const form = file.endsWith('.toml') ? IGNORE_FORM.toml : IGNORE_FORM.json;
  for (const [key, value] of Object.entries(data)) {
    // Hugo's list holds regular expressions, not globs: read as globs it would let through what
    // the publisher meant to keep out, so it stops the build rather than being passed over.
    if (key === 'ignoreFiles')
      throw new ArticleSourceError(
        file,
        lineOf(key),
        'site-config',
        `"ignoreFiles" is Hugo's list of regular expressions, which this edition does not read: list the files to leave out as patterns, such as ${form} (${GLOB_SYNTAX})`,
      );
    const setting = settingOf(key, SETTINGS, KEYS, { file, line: lineOf(key), name: key, kind: 'setting' }, warn);
    if (!setting) continue;
    if (setting === 'ignore') {
      config.ignore = ignorePatterns(key, value, file, text, lineOf(key), form);
      continue;
    }
    if (setting === 'podcast') {
      config.podcast = await podcastSettings(value, file, text, dir, warn);
      continue;
    }
    if (setting === 'homeArticles') {
      if (!isCount(value))
        throw new ArticleSourceError(
          file,
          lineOf(key),
          'site-config',
          `"${key}" is how many of the newest articles the home page lists: a whole number of 1 or more without quotes, such as ${key} = ${DEFAULT_HOME_ARTICLES}, not ${JSON.stringify(value)}`,
        );
      config.homeArticles = value;
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '')
      throw new ArticleSourceError(file, lineOf(key), 'site-config', `"${key}" must be non-empty text`);
    config[setting] = value.trim();
  }
  if (!LANGUAGE_TAG.test(config.language)) {
    const key = KEYS.language.find((k) => k in data) ?? 'language';
    throw new ArticleSourceError(
      file,
      lineOf(key),
      'site-config',
      `the language must be a BCP 47 tag such as "en" or "fr-CA", not "${config.language}"`,
    );
  }
  if (config.baseUrl !== undefined) {
    let url: URL | null;
    try {
      url = new URL(config.baseUrl);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      const key = KEYS.baseUrl.find((k) => k in data) ?? 'base_url';
      throw new ArticleSourceError(
        file,
        lineOf(key),
        'site-config',
        `the base URL must be a full http(s) address such as "https://example.org/blog/", not "${config.baseUrl}"`,
      );
    }
    config.baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
  }
  return config;
}

/** A whole number of 1 or more (TOML integers are numbers, as JSON's are, unless past 2^53). */
/** The setting a key spells, or undefined after a warning that lists the settings there are. */
function settingOf<S extends string>(
  key: string,
  settings: readonly S[],
  keys: Record<S, readonly string[]>,
  where: { file: string; line: number; name: string; kind: string },
  warn: (warning: Diagnostic) => void,
): S | undefined {
  const setting = settings.find((name) => keys[name].includes(key));
  if (!setting)
    warn({
      file: where.file,
      line: where.line,
      severity: 'warning',
      rule: 'unknown-setting',
      message: `"${where.name}" is not a ${where.kind} this edition uses (it knows ${settings.map((s) => keys[s][0]).join(', ')}); ignored`,
    });
  return setting;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

/** A key as the text of a pattern: a key such as "a(" would otherwise stop the build with a SyntaxError. */
const asText = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The `[podcast]` table (in JSON, a "podcast" object), each key checked: text where text is
 * meant, a real language tag and address, one of Apple's categories, a cover that podcast
 * apps take.
 */
async function podcastSettings(
  value: unknown,
  file: string,
  text: string,
  dir: string,
  warn: (warning: Diagnostic) => void,
): Promise<PodcastConfig> {
  const lines = text.split('\n');
  // TOML's [podcast] header or first dotted podcast.key, JSON's "podcast": or TOML's podcast = { … }.
  const start = Math.max(
    0,
    lines.findIndex((line) => /^\s*\[\s*"?podcast"?\s*\]/.test(line) || /^\s*"?podcast"?\s*[.:=]/.test(line)),
  );
  const line = start + 1;
  /** The first line from the table's on that sets the key (in a table, dotted, or inline). */
  const lineOf = (key: string) => {
    const pattern = new RegExp(`(^|[\\s{,.])"?${asText(key)}"?\\s*[:=]`);
    const at = lines.findIndex((text, i) => i >= start && pattern.test(text));
    return at >= 0 ? at + 1 : line;
  };
  const mistake = (key: string, message: string) => new ArticleSourceError(file, lineOf(key), 'site-config', message);
  const form = file.endsWith('.toml')
    ? '[podcast] then category = "Technology"'
    : '"podcast": { "category": "Technology" }';
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ArticleSourceError(
      file,
      line,
      'site-config',
      `"podcast" must be a table of the feed's settings, such as ${form}`,
    );

  const podcast: PodcastConfig = { file, line };
  const keyOf: Partial<Record<PodcastSetting, string>> = {};
  for (const [key, given] of Object.entries(value)) {
    const where = { file, line: lineOf(key), name: `podcast.${key}`, kind: 'podcast setting' };
    const setting = settingOf(key, PODCAST_SETTINGS, PODCAST_KEYS, where, warn);
    if (!setting) continue;
    keyOf[setting] = key;
    if (setting === 'explicit') {
      if (typeof given !== 'boolean')
        throw mistake(key, `"podcast.${key}" must be true or false (without quotes), not ${JSON.stringify(given)}`);
      podcast.explicit = given;
      continue;
    }
    if (setting === 'episodes') {
      if (!isCount(given))
        throw mistake(
          key,
          `"podcast.${key}" is how many of the newest episodes the feed lists: a whole number of 1 or more without quotes, such as ${key} = ${DEFAULT_FEED_EPISODES}, not ${JSON.stringify(given)}`,
        );
      podcast.episodes = given;
      continue;
    }
    if (typeof given !== 'string' || given.trim() === '')
      throw mistake(key, `"podcast.${key}" must be non-empty text, not ${JSON.stringify(given)}`);
    podcast[setting] = given.trim();
  }

  const { language, ownerEmail, category, subcategory, image } = podcast;
  if (language !== undefined && !LANGUAGE_TAG.test(language))
    throw mistake(
      keyOf.language ?? 'language',
      `the podcast's language must be a BCP 47 tag such as "en" or "fr-CA", not "${language}"`,
    );
  if (ownerEmail !== undefined && !EMAIL.test(ownerEmail))
    throw mistake(
      keyOf.ownerEmail ?? 'owner_email',
      `"${ownerEmail}" is not an email address: give the one podcast directories should write to, such as "podcasts@example.org"`,
    );
  if (category !== undefined) {
    const subcategories = PODCAST_CATEGORIES[category];
    if (!subcategories) {
      const near = Object.keys(PODCAST_CATEGORIES).find((c) => c.toLowerCase() === category.toLowerCase());
      throw mistake(
        'category',
        near
          ? `the podcast category is written "${near}", not "${category}"`
          : `"${category}" is not one of Apple's podcast categories, which podcast apps refuse: choose one of ${Object.keys(PODCAST_CATEGORIES).join(', ')}`,
      );
    }
    if (subcategory !== undefined && !subcategories.includes(subcategory)) {
      const near = subcategories.find((c) => c.toLowerCase() === subcategory.toLowerCase());
      throw mistake(
        'subcategory',
        near
          ? `the subcategory is written "${near}", not "${subcategory}"`
          : subcategories.length === 0
            ? `"${category}" has no subcategories: remove "subcategory"`
            : `"${subcategory}" is not a subcategory of "${category}": choose one of ${subcategories.join(', ')}`,
      );
    }
  } else if (subcategory !== undefined) {
    throw mistake('subcategory', `a subcategory needs its category: add "category" (one of Apple's, such as "News")`);
  }
  if (image !== undefined)
    podcast.image = await coverImage(
      image,
      dir,
      (message) => mistake(keyOf.image ?? 'image', message),
      (message) =>
        warn({ file, line: lineOf(keyOf.image ?? 'image'), severity: 'warning', rule: 'podcast-feed', message }),
    );
  return podcast;
}

/** The cover's absolute path, once it is known to be a square PNG or JPEG in the articles folder. */
async function coverImage(
  given: string,
  dir: string,
  mistake: (message: string) => Error,
  warn: (message: string) => void,
): Promise<string> {
  const file = path.resolve(dir, given);
  const where = await containment(dir, file);
  if (where === 'missing')
    throw mistake(`the podcast image "${given}" is not there: give a picture's path from the articles folder`);
  if (where === 'outside')
    throw mistake(`the podcast image "${given}" is outside the articles folder: put it in the folder`);
  const meta = await sharp(file)
    .metadata()
    .catch(() => undefined);
  if (!meta || (meta.format !== 'png' && meta.format !== 'jpeg'))
    throw mistake(`the podcast image "${given}" is not a PNG or JPEG picture, which podcast apps need: convert it`);
  const { width = 0, height = 0 } = meta;
  if (width !== height)
    throw mistake(
      `the podcast image "${given}" is ${width}×${height} px: podcast apps show a square cover, so crop it to a square`,
    );
  if (width < COVER_PIXELS.min)
    warn(
      `the podcast image "${given}" is ${width} px wide: Apple Podcasts refuses a cover under ${COVER_PIXELS.min} px; give one of ${COVER_PIXELS.min}–${COVER_PIXELS.max} px`,
    );
  return file;
}

/** The `ignore` list, each pattern checked and given the line it is written on. */
function ignorePatterns(
  key: string,
  value: unknown,
  file: string,
  text: string,
  keyLine: number,
  form: string,
): IgnorePattern[] {
  const mistake = (line: number, what: string) =>
    new ArticleSourceError(file, line, 'site-config', `${what}: write it as ${form} (${GLOB_SYNTAX})`);
  if (!Array.isArray(value)) throw mistake(keyLine, `"${key}" must be a list of file patterns`);
  const lines = text.split('\n');
  return value.map((pattern: unknown) => {
    if (typeof pattern !== 'string' || pattern.trim() === '')
      throw mistake(keyLine, `"${key}" must list patterns as non-empty text, not ${JSON.stringify(pattern)}`);
    // The line that quotes the pattern, at or after the key's (a list may span lines).
    const at = lines.findIndex(
      (line, i) => i >= keyLine - 1 && (line.includes(`"${pattern}"`) || line.includes(`'${pattern}'`)),
    );
    const line = at >= 0 ? at + 1 : keyLine;
    if (pattern.includes('\\')) throw mistake(line, `"${pattern}" has a \\: patterns separate folders with /`);
    if (pattern.split('/').includes('..'))
      throw mistake(line, `"${pattern}" leads out of the articles folder, which patterns are matched in`);
    return { pattern: pattern.trim(), file, line };
  });
}

/**
 * A pattern of the `ignore` list as a test of a path relative to the articles folder ("/"
 * between folders), as .gitignore reads them: a pattern without "/" matches a name at any
 * depth; one with "/" (or starting with it) matches from the articles folder; one ending in
 * "/" matches folders only. A folder that matches is left out with all it holds.
 */
export function ignoreMatcher(pattern: string): (relative: string, isFolder: boolean) => boolean {
  const foldersOnly = pattern.endsWith('/');
  const body = pattern.replace(/\/+$/, '');
  const anchored = body.includes('/');
  let source = '';
  const glob = body.replace(/^\//, '');
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      source += '(?:/.*)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const test = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}$`, 'u');
  return (relative, isFolder) => (isFolder || !foldersOnly) && test.test(relative);
}
