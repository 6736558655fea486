// Node tests of pictures beside an article: responsive copies with hashed names, a modern
// format with a fallback, sizes that keep the layout still, lazy loading below the first,
// the 150 KB budget at 1280 px, and the errors a publisher can make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { renderArticle, type Article } from '../../generator/article/article.ts';
import { makePicture, PICTURE_BUDGET, WIDTHS } from '../../generator/article/pictures.ts';

const BUNDLE = 'test/fixtures/articles/blog/borrowing-in-rust';

const bundle: Promise<Article> = readFile(`${BUNDLE}/index.md`, 'utf8').then((source) =>
  renderArticle(source, `${BUNDLE}/index.md`),
);

/** The <picture> or <img> whose alt text starts with `alt`. */
async function pictureFor(alt: string) {
  const { html } = await bundle;
  const match = new RegExp(`<picture[^>]*>(?:(?!</picture>).)*alt="${alt}[^"]*"(?:(?!</picture>).)*</picture>`).exec(
    html,
  );
  assert.ok(match, `a picture with alt "${alt}"`);
  return match[0];
}

test('a Markdown picture becomes AVIF with a PNG fallback (it has transparency), in hashed widths, with its size', async () => {
  const picture = await pictureFor('Two boxes joined by an arrow');
  assert.match(
    picture,
    /^<picture data-speak="image"><source type="image\/avif" srcset="\.\/assets\/images\/owner-and-borrower-[0-9a-f]{10}-400\.avif 400w, [^"]+-640\.avif 640w, [^"]+-720\.avif 720w" sizes="\(min-width: 42rem\) 40rem, 100vw">/,
  );
  assert.match(
    picture,
    /<img src="\.\/assets\/images\/owner-and-borrower-[0-9a-f]{10}-720\.png" srcset="[^"]+-400\.png 400w, [^"]+-640\.png 640w, [^"]+-720\.png 720w" sizes="[^"]+" width="720" height="360" alt="Two boxes joined by an arrow: the owner on the left lends to the borrower on the right" decoding="async">/,
  );
  // The first picture is on the first screen: not lazy.
  assert.doesNotMatch(picture, /loading=/);
});

test('a photograph gets JPEG as its fallback, no width above 1280, and later pictures load lazily', async () => {
  const picture = await pictureFor('Green hills');
  assert.deepEqual(
    [...picture.matchAll(/-(\d+)\.jpg (\d+)w/g)].map((m) => Number(m[2])),
    WIDTHS,
  );
  assert.match(picture, /width="1800" height="1200"/);
  assert.match(picture, /loading="lazy"/);
  // Inside the source's own figure, with its caption.
  const { html } = await bundle;
  assert.match(
    html,
    /<figure>\n<picture data-speak="image">(?:(?!<\/figure>)[\s\S])*<figcaption>Where the first draft of this post was written\.<\/figcaption>\n<\/figure>/,
  );
});

test('a width in the source’s HTML is the width shown, and the sizes say so', async () => {
  const picture = await pictureFor('Ada Fernsby');
  assert.match(picture, /sizes="min\(48px, 100vw\)"/);
  assert.match(picture, /width="48" height="48"/);
});

test('a picture alone in its paragraph with an italic line under it becomes a figure with that caption', async () => {
  const { html } = await bundle;
  assert.match(
    html,
    /<figure><picture data-speak="image">(?:(?!<\/figure>).)*<\/picture><figcaption>The owner lends; the borrower gives it back when its scope ends\.<\/figcaption><\/figure>/,
  );
});

test('every copy is returned to be written, named by its content', async () => {
  const { files } = await bundle;
  assert.ok(files.length >= 16, `${files.length} files`);
  for (const file of files) {
    assert.match(file.path, /^assets\/images\/[a-z-]+-[0-9a-f]{10}-\d+\.(avif|jpg|png)$/);
    const { width } = await sharp(file.body).metadata();
    assert.equal(width, Number(/-(\d+)\.\w+$/.exec(file.path)?.[1]), file.path);
  }
});

test('a picture a 1280 px screen would get never weighs more than 150 KB, even from a noisy photograph', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-pictures-'));
  try {
    // Random noise is the hardest thing to compress: the budget has to lower the quality.
    const width = 1000;
    const height = 750;
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(Math.random() * 256);
    const file = path.join(dir, 'noise.png');
    await sharp(noise, { raw: { width, height, channels: 3 } })
      .png()
      .toFile(file);
    const picture = await makePicture(file);
    for (const format of [...picture.sources, picture.fallback]) {
      const sent = format.variants.find((v) => v.width >= 640) ?? format.variants.at(-1);
      const body = picture.files.find((f) => `./${f.path}` === sent?.url)?.body;
      assert.ok(body && body.length <= PICTURE_BUDGET, `${format.type} at ${sent?.width}: ${body?.length} bytes`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a missing picture, or one outside the articles folder, stops the build at its line', async () => {
  const file = 'test/fixtures/articles/malformed/missing-picture.md';
  await assert.rejects(
    renderArticle(await readFile(file, 'utf8'), file),
    /^ArticleSourceError: test\/fixtures\/articles\/malformed\/missing-picture\.md:7: picture "charts\/speeds\.png" does not exist/,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-outside-'));
  try {
    await mkdir(path.join(dir, 'articles'));
    await writeFile(
      path.join(dir, 'secret.png'),
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    const source = '---\ntitle: T\n---\n![A secret](../secret.png)\n';
    await assert.rejects(
      renderArticle(source, path.join(dir, 'articles/post.md'), { root: path.join(dir, 'articles') }),
      /post\.md:4: picture "\.\.\/secret\.png" is outside the articles folder/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file that is not a picture is named', async () => {
  const source = '---\ntitle: T\n---\nIntro.\n\n![Notes](index.md)\n';
  await assert.rejects(
    renderArticle(source, `${BUNDLE}/post.md`),
    /post\.md:6: picture "index\.md" is not a picture this edition can read/,
  );
});
