// The site's own settings: `site.toml` or `site.json` in the articles folder. Every key is
// optional; the names Hugo and Zola use for the same things are understood too, so a
// publisher can start from the config they have.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { ArticleSourceError, type Diagnostic } from './diagnostics.ts';

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
}

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
};

/** How the `ignore` list is written, for the messages about it. */
const IGNORE_FORM = {
  toml: 'ignore = ["drafts/**", "*.private.md"]',
  json: '"ignore": ["drafts/**", "*.private.md"]',
};
const GLOB_SYNTAX = '* stands for any characters but /, ** for any folders, ? for one character';

const SETTINGS = Object.keys(KEYS) as (keyof SiteConfig)[];

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

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
    // The key as text, not a pattern: a key such as "a(" would otherwise stop the build with a SyntaxError.
    const pattern = new RegExp(`^\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*[:=]`);
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
    const setting = SETTINGS.find((name) => KEYS[name].includes(key));
    if (!setting) {
      warn({
        file,
        line: lineOf(key),
        severity: 'warning',
        rule: 'unknown-setting',
        message: `"${key}" is not a setting this edition uses (it knows ${SETTINGS.join(', ')}); ignored`,
      });
      continue;
    }
    if (setting === 'ignore') {
      config.ignore = ignorePatterns(key, value, file, text, lineOf(key), form);
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
