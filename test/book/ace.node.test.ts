// DAISY Ace finds no violation in the books that between them hold every kind of content the
// edition writes (docs/book.md): the seed narrated (a table, a FAQ, its lexicon), a post with
// notes, pictures and code, the lists (task lists among them) narrated, and a French book, text
// only, with a passage in English. EPUBCheck checks every book (book.node.test.ts); Ace, slower,
// these four.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadSite } from '../../generator/site.ts';
import { makeBook } from '../../generator/book/book.ts';
import { aceCheck } from './ace.node.ts';
import { narrationOf } from './narration.node.ts';

const BOOKS = [
  { dir: 'assets/articles', page: 'index.html', narrated: true },
  { dir: 'test/fixtures/articles/blog', page: 'borrowing-in-rust.html', narrated: false },
  { dir: 'test/fixtures/articles/blog', page: 'notes-on-lists.html', narrated: true },
  { dir: 'test/fixtures/articles/blog', page: 'un-article-en-francais.html', narrated: false },
];

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-ace-books-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('Ace finds no violation in a narrated book, a text-only one, and books holding every kind of content', async () => {
  const books: string[] = [];
  for (const { dir: folder, page: name, narrated } of BOOKS) {
    const site = await loadSite(folder);
    const page = site.pages.find((p) => p.page === name);
    assert.ok(page, `${folder} has ${name}`);
    const narration = narrated ? await narrationOf(page, dir) : undefined;
    assert.equal(narration !== undefined, narrated, `${name} is narrated`);
    const file = path.join(dir, `${path.basename(folder)}-${name.replace(/\.html$/, '')}.epub`);
    await writeFile(
      file,
      makeBook(page.article, {
        site: site.config,
        page: page.page,
        pronunciations: page.pronunciations,
        passagePronunciations: page.passagePronunciations,
        ...(narration && { narration }),
      }),
    );
    books.push(file);
  }
  const reports = await aceCheck(books);
  for (const book of books) assert.deepEqual(reports.get(book), [], path.basename(book));
});
