// What the build says about a source: an error where the page cannot be built right, a
// warning where it can but something in the source was not used, a note for what a publisher
// may want to know (a draft left out). Each names file and line, and the rule it comes from,
// so the build report, the command's output and the tests all read the same record.

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  /** The source as the publisher named it (relative to where the build was started). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, where the rule knows it. */
  column?: number;
  severity: Severity;
  /** A short stable name for what is wrong ("heading-level", "front-matter"), for tests and filters. */
  rule: string;
  message: string;
}

/** A problem in a source that stops the build, reported as `file:line: message`. */
export class ArticleSourceError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(file: string, line: number, rule: string, message: string, column?: number) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ArticleSourceError';
    this.diagnostic = { file, line, ...(column === undefined ? {} : { column }), severity: 'error', rule, message };
  }
}

/** `file:line[:column]: severity: message`, the form editors and CI logs link to a place. */
export function formatDiagnostic({ file, line, column, severity, message }: Diagnostic): string {
  return `${file}:${line}${column === undefined ? '' : `:${column}`}: ${severity}: ${message}`;
}

/**
 * A problem that stops the build but has no place in a source to point at (an articles folder
 * that does not exist, a base URL that is not one, a budget exceeded): the command prints its
 * message, without a stack, as the publisher's to fix. Anything else thrown is the edition's bug.
 */
export class BuildError extends Error {
  readonly rule: string;

  constructor(message: string, rule: string) {
    super(message);
    this.name = 'BuildError';
    this.rule = rule;
  }
}

/**
 * Warnings in a strict build (`--strict`, for CI): it stops before its site replaces the last
 * one. `diagnostics` are all the build said, its warnings made errors, for the command to print.
 */
export class StrictBuildError extends BuildError {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[], out: string) {
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    super(
      `${warnings} warning${warnings === 1 ? '' : 's'}, errors under --strict: ${out} was left as it was. Fix ${warnings === 1 ? 'it' : 'them'}, or build without --strict`,
      'strict',
    );
    this.name = 'StrictBuildError';
    this.diagnostics = diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
  }
}
