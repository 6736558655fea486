// One Lighthouse run (its defaults: mobile, simulated throttling) in a fresh Chromium profile,
// boiled down to the figures the benchmark reports.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { CHROMIUM, QUIET_FLAGS } from '../tools/browsers.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The timings the benchmark reports, in ms (cls: a score). */
export interface LighthouseMetrics {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
}

/** Lighthouse's resource types, in the groups the benchmark reports. */
const GROUPS: Partial<Record<string, ByteGroup>> = { Document: 'html', Script: 'js', Stylesheet: 'css', Font: 'fonts' };

export type ByteGroup = 'html' | 'js' | 'css' | 'fonts' | 'other';

/** One run, as the benchmark keeps it. */
export interface LighthouseSummary {
  /** Each category's score, 0 to 100. */
  scores: Record<string, number>;
  metrics: LighthouseMetrics;
  /** Transfer sizes (compressed, headers included) by group, and in all. */
  bytes: Record<ByteGroup | 'total', number>;
  requests: number;
  /** Each request: its type, path, size and (when not the page's) target. */
  requestList: string[];
  failedAudits: string[];
  erroredAudits: string[];
  warnings: string[];
  benchmarkIndex: number;
  lighthouseVersion: string;
}

/** A request as the network-requests audit lists it. */
interface NetworkRequest {
  url: string;
  resourceType?: string;
  transferSize?: number;
  sessionTargetType?: string;
}

export async function lighthouseRun(url: string): Promise<LighthouseSummary> {
  // chrome-launcher makes a new temporary profile for each launch and removes it on kill.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...QUIET_FLAGS] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return summarize(result.lhr);
  } finally {
    await chrome.kill();
  }
}

function summarize(lhr: Result): LighthouseSummary {
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const requests = networkRequests(lhr);
  const bytes = { html: 0, js: 0, css: 0, fonts: 0, other: 0, total: 0 };
  for (const request of requests) {
    bytes[GROUPS[request.resourceType ?? ''] ?? 'other'] += request.transferSize ?? 0;
    bytes.total += request.transferSize ?? 0;
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])),
    metrics: {
      fcp: numeric('first-contentful-paint'),
      lcp: numeric('largest-contentful-paint'),
      tbt: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      speedIndex: numeric('speed-index'),
    },
    bytes,
    requests: requests.length,
    requestList: requests.map(
      (r) =>
        `${r.resourceType ?? '?'} ${new URL(r.url).pathname} ${r.transferSize ?? 0} B${r.sessionTargetType && r.sessionTargetType !== 'page' ? ` (${r.sessionTargetType})` : ''}`,
    ),
    failedAudits: failedAudits(lhr),
    // Lighthouse 12's trace engine fails on some of Chromium 156's trace events (RESULTS.md).
    erroredAudits: Object.values(lhr.audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => a.id),
    warnings: lhr.runWarnings,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

/** The network-requests audit's table, read into the fields the benchmark uses. */
function networkRequests(lhr: Result): NetworkRequest[] {
  const details = lhr.audits['network-requests']?.details;
  if (details?.type !== 'table') return [];
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return details.items.map((item) => ({
    url: String(item.url),
    resourceType: text(item.resourceType),
    transferSize: typeof item.transferSize === 'number' ? item.transferSize : undefined,
    sessionTargetType: text(item.sessionTargetType),
  }));
}

/** The audits that cost each category points: what to fix to reach 100. */
function failedAudits(lhr: Result): string[] {
  return CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category}: ${ref.id} (${lhr.audits[ref.id]?.title})`),
  );
}
