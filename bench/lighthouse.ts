// One Lighthouse run (its defaults: mobile, simulated throttling) in a fresh Chromium profile,
// boiled down to the figures the benchmark reports.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, QUIET_FLAGS } from '../tools/browsers.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndex: 'speed-index',
};

/** Lighthouse's resource types, in the groups the benchmark reports. */
const GROUPS = { Document: 'html', Script: 'js', Stylesheet: 'css', Font: 'fonts' };

/**
 * @param {string} url
 */
export async function lighthouseRun(url) {
  // chrome-launcher makes a new temporary profile for each launch and removes it on kill.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...QUIET_FLAGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return summarize(result.lhr);
  } finally {
    await chrome.kill();
  }
}

/** @param {import('lighthouse').Result} lhr */
function summarize(lhr) {
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const audit = (/** @type {string} */ id) => lhr.audits[id];
  const requests = /** @type {{ url: string, resourceType?: string, transferSize?: number, sessionTargetType?: string }[]} */ (
    /** @type {any} */ (audit('network-requests').details)?.items ?? []
  );
  const bytes = { html: 0, js: 0, css: 0, fonts: 0, other: 0, total: 0 };
  for (const request of requests) {
    const group = /** @type {keyof typeof bytes} */ (GROUPS[/** @type {keyof typeof GROUPS} */ (request.resourceType ?? '')] ?? 'other');
    bytes[group] += request.transferSize ?? 0;
    bytes.total += request.transferSize ?? 0;
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])),
    metrics: Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, audit(id).numericValue ?? NaN])),
    bytes,
    requests: requests.length,
    requestList: requests.map((r) => `${r.resourceType ?? '?'} ${new URL(r.url).pathname} ${r.transferSize ?? 0} B${r.sessionTargetType && r.sessionTargetType !== 'page' ? ` (${r.sessionTargetType})` : ''}`),
    failedAudits: failedAudits(lhr),
    // Lighthouse 12's trace engine fails on some of Chromium 156's trace events (RESULTS.md).
    erroredAudits: Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error').map((a) => a.id),
    warnings: lhr.runWarnings,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

/**
 * The audits that cost each category points: what to fix to reach 100.
 * @param {import('lighthouse').Result} lhr
 */
function failedAudits(lhr) {
  return CATEGORIES.flatMap((category) => (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
    .map((ref) => `${category}: ${ref.id} (${lhr.audits[ref.id].title})`));
}
