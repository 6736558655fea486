// The site's own settings: `site.toml` or `site.json` in the articles folder. Every key is
// optional; the names Hugo and Zola use for the same things are understood too, so a
// publisher can start from the config they have.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ArticleSourceError } from './diagnostics.ts';

export const CONFIG_FILES = ['site.toml', 'site.json'];

/**
 * @typedef {object} SiteConfig
 * @property {string} title the site's name: the index page's heading, the installed app's name
 * @property {string} language BCP 47 tag for articles that give none, and the index page's
 * @property {string} [description] the index page's description
 * @property {string} [author] for articles that name none
 * @property {string} [baseUrl] the address the site is published at, ending in "/"; gives each page a canonical link
 */

/** @type {SiteConfig} */
export const DEFAULT_CONFIG = { title: 'Reader edition', language: 'en' };

/** Each setting and the other names it goes by. */
const KEYS = /** @type {const} */ ({
  title: ['title'],
  language: ['language', 'languageCode', 'default_language', 'lang'],
  description: ['description'],
  author: ['author'],
  baseUrl: ['base_url', 'baseURL', 'baseUrl'],
});

export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * @param {string} dir the articles folder
 * @param {(warning: import('./diagnostics.ts').Diagnostic) => void} warn
 * @returns {Promise<SiteConfig>}
 */
export async function loadSiteConfig(dir, warn) {
  const found = [];
  for (const name of CONFIG_FILES) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) found.push({ file, text });
  }
  if (found.length === 0) return { ...DEFAULT_CONFIG };
  if (found.length > 1) throw new ArticleSourceError(found[1].file, 1, `use one site settings file, not both ${CONFIG_FILES.join(' and ')}`);
  const { file, text } = found[0];
  const lineOf = (/** @type {string} */ key) => {
    const at = text.split('\n').findIndex((line) => new RegExp(`^\\s*"?${key}"?\\s*[:=]`).test(line));
    return at >= 0 ? at + 1 : 1;
  };

  /** @type {Record<string, unknown>} */
  let data;
  try {
    data = file.endsWith('.toml') ? parseToml(text) : JSON.parse(text);
  } catch (error) {
    const e = /** @type {{ line?: number, message?: string }} */ (error);
    const position = /position (\d+)/.exec(String(e.message))?.[1];
    const line = typeof e.line === 'number' ? e.line : position ? text.slice(0, Number(position)).split('\n').length : 1;
    throw new ArticleSourceError(file, line, `not valid ${file.endsWith('.toml') ? 'TOML' : 'JSON'}: ${String(e.message).split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ArticleSourceError(file, 1, 'site settings must be a table of keys and values');

  /** @type {SiteConfig} */
  const config = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(data)) {
    const setting = /** @type {keyof typeof KEYS | undefined} */ (
      Object.keys(KEYS).find((name) => /** @type {readonly string[]} */ (KEYS[/** @type {keyof typeof KEYS} */ (name)]).includes(key))
    );
    if (!setting) {
      warn({ file, line: lineOf(key), message: `"${key}" is not a setting this edition uses (it knows ${Object.keys(KEYS).join(', ')}); ignored` });
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') throw new ArticleSourceError(file, lineOf(key), `"${key}" must be non-empty text`);
    config[setting] = value.trim();
  }
  if (!LANGUAGE_TAG.test(config.language)) {
    const key = KEYS.language.find((k) => k in data) ?? 'language';
    throw new ArticleSourceError(file, lineOf(key), `the language must be a BCP 47 tag such as "en" or "fr-CA", not "${config.language}"`);
  }
  if (config.baseUrl !== undefined) {
    let url;
    try {
      url = new URL(config.baseUrl);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      const key = KEYS.baseUrl.find((k) => k in data) ?? 'base_url';
      throw new ArticleSourceError(file, lineOf(key), `the base URL must be a full http(s) address such as "https://example.org/blog/", not "${config.baseUrl}"`);
    }
    config.baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
  }
  return config;
}
