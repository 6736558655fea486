// Node tests of code blocks, footnotes and lists in an article: semantic, named, and marked
// for read-aloud.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { renderArticle } from '../../generator/article/article.ts';
import { codeLabel } from '../../generator/article/code-blocks.ts';

const render = (body: string) => renderArticle(`---\ntitle: Blocks\n---\n${body}`, 'post.md');

test('a code block keeps its language, in a focusable region named by language and length', async () => {
  const { html } = await render('```rust\nfn main() {\n    println!("<hi>");\n}\n```\n');
  assert.equal(
    html,
    '<div class="code-block" role="group" tabindex="0" aria-label="Code example in Rust, 3 lines" data-speak="code" data-language="Rust" data-lines="3">' +
      '<pre><code class="language-rust">fn main() {\n    println!(&#34;&#60;hi&#62;&#34;);\n}\n</code></pre></div>\n',
  );
});

test('code without a language, and indented code, are named without one', async () => {
  const { html } = await render('```\none line\n```\n\n    indented\n    code\n');
  assert.match(html, /aria-label="Code example, 1 line" data-speak="code" data-lines="1"><pre><code>one line/);
  assert.match(html, /aria-label="Code example, 2 lines" data-speak="code" data-lines="2"><pre><code>indented\ncode/);
  assert.equal(codeLabel('text', 4), 'Code example, 4 lines');
  assert.equal(codeLabel('elixir', 2), 'Code example in elixir, 2 lines');
});

test('footnotes link both ways, in a section named Notes that the contents list', async () => {
  const { html, sections } = await render(
    '## Part\n\nA claim.[^a] Another.[^b]\n\n[^a]: The source.\n[^b]: A second note.\n',
  );
  assert.match(
    html,
    /A claim\.<sup class="footnote-ref" data-speak="skip"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/,
  );
  assert.match(
    html,
    /<\/section><section class="footnotes">\n<h2 id="footnotes">Notes<\/h2>\n<ol class="footnotes-list">/,
  );
  assert.match(
    html,
    /<li id="fn1" class="footnote-item"><p>The source\. <a href="#fnref1" class="footnote-backref" data-speak="skip" aria-label="Back to reference 1">↩<\/a><\/p>/,
  );
  assert.deepEqual(
    sections.map((s) => s.id),
    ['part', 'footnotes'],
  );
});

test('nested, definition and task lists render semantically; each checkbox is disabled and named by its label', async () => {
  const file = 'test/fixtures/articles/blog/notes-on-lists.md';
  const { html } = await renderArticle(await readFile(file, 'utf8'), file);
  assert.match(html, /<ol>\n<li>Gather the sources\n<ul>\n<li>notes from the margin<\/li>/);
  assert.match(html, /<dl>\n<dt>Ownership<\/dt>\n<dd>Who is responsible for dropping a value\.<\/dd>/);
  assert.match(
    html,
    /<li class="task-list-item"><label><input class="task-list-item-checkbox" checked="" disabled="" type="checkbox"> Draft the outline<\/label><\/li>/,
  );
  assert.equal((html.match(/<label><input [^>]*disabled=""[^>]*> [^<]+<\/label>/g) ?? []).length, 3);
});
