// Node tests of pictures beside an article: responsive copies with hashed names, a modern
// format with a fallback, sizes that keep the layout still, lazy loading below the first,
// the 150 KB budget at 1280 px, SVG drawings cleaned of what runs or loads, and the errors a
// publisher can make.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { JSDOM } from 'jsdom';
import { renderArticle, type Article } from '../../generator/article/article.ts';
import { makePicture, PICTURE_BUDGET, WIDTHS } from '../../generator/article/pictures.ts';
import { inTempFolder, rejectsAt, unchanged } from '../site/publisher-folder.node.ts';

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

const SVG_PICTURE = 'test/fixtures/publisher-mistakes/svg-picture';

/** An SVG as a browser reads the file itself: XML. */
const drawing = (body: Buffer) => new JSDOM(body, { contentType: 'image/svg+xml' }).window.document;

test('an SVG is published without its script, handler, foreignObject and external link, with a warning naming it', async () => {
  const file = `${SVG_PICTURE}/post.md`;
  const { files, warnings, html } = await unchanged(SVG_PICTURE, async () =>
    renderArticle(await readFile(file, 'utf8'), file),
  );
  assert.deepEqual(
    warnings.map((w) => `${w.file}:${w.line} ${w.rule}: ${w.message}`),
    [
      `${file}:7 picture: picture "drawing.svg" is an SVG cleaned before publishing; removed: "onload" on <svg>, <script>, <foreignObject>, "xlink:href" on <image> (it loads from elsewhere)`,
    ],
  );
  assert.equal(files.length, 1);
  assert.match(files[0].path, /^assets\/images\/drawing-[0-9a-f]{10}\.svg$/);
  assert.match(html, new RegExp(`<img data-speak="image" src="\\./${files[0].path}" width="40" height="20"`));
  const published = drawing(files[0].body);
  assert.equal(published.documentElement.localName, 'svg');
  assert.deepEqual(
    [...published.querySelectorAll('script, foreignObject')].map((element) => element.localName),
    [],
  );
  const attributes = [...published.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`),
  );
  assert.deepEqual(
    attributes.filter((attribute) => /^on|href=/i.test(attribute)),
    [],
  );
  // The drawing itself is still there.
  assert.equal(published.querySelector('rect')?.getAttribute('fill'), '#036');
  assert.equal(published.querySelector('text')?.textContent, 'Hi');
});

test('an SVG with nothing to remove is published as it is, without a warning', async () => {
  const icon = await readFile('assets/icons/icon.svg');
  await inTempFolder(
    { files: { 'post.md': '---\ntitle: T\n---\n\nIntro.\n\n![The edition’s icon](icon.svg)\n', 'icon.svg': icon } },
    async (dir) => {
      const file = path.join(dir, 'post.md');
      const { files, warnings } = await renderArticle(await readFile(file, 'utf8'), file);
      assert.deepEqual(warnings, []);
      assert.ok(files[0].body.equals(icon));
    },
  );
});

test('an SVG that declares entities is refused at the line that shows it', async () => {
  const file = 'test/fixtures/publisher-mistakes/svg-entities/post.md';
  await rejectsAt(
    renderArticle(await readFile(file, 'utf8'), file),
    file,
    7,
    'picture',
    /^picture "drawing\.svg" declares entities in its DOCTYPE; remove the DOCTYPE \(a drawing needs none\)$/,
  );
});
