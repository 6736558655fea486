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
}

export const DEFAULT_CONFIG: SiteConfig = { title: 'Reader edition', language: 'en' };

/** Each setting and the other names it goes by. */
const KEYS: Record<keyof SiteConfig, readonly string[]> = {
  title: ['title'],
  language: ['language', 'languageCode', 'default_language', 'lang'],
  description: ['description'],
  author: ['author'],
  baseUrl: ['base_url', 'baseURL', 'baseUrl'],
};

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
  for (const [key, value] of Object.entries(data)) {
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
