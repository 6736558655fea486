// The articles every book test makes books of: the fixture sites, and the edition's own article
// (the table, the FAQ, the author note), which between them hold every kind of content.
export const BOOK_SITES = [
  'test/fixtures/articles/blog',
  'test/fixtures/articles/archive',
  'test/fixtures/articles/audio',
  'test/fixtures/articles/offline',
  'assets/articles',
];
