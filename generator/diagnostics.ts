// What the build says about a source: an error where the page cannot be built right, a
// warning where it can but something in the source was not used. Both name file and line.

/**
 * @typedef {object} Diagnostic
 * @property {string} file
 * @property {number} line 1-based
 * @property {string} message
 */

/** A problem in an article source, reported as `file:line: message`. */
export class ArticleSourceError extends Error {
  /**
   * @param {string} file
   * @param {number} line 1-based line in the source file
   * @param {string} message
   */
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ArticleSourceError';
    this.file = file;
    this.line = line;
  }
}

/** @param {Diagnostic} diagnostic */
export const formatDiagnostic = ({ file, line, message }) => `${file}:${line}: ${message}`;
