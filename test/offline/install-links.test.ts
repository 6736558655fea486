import { expect } from 'chai';
import { closeEditions, openEdition } from '../helpers/edition.js';

// The page links its manifest and icons on the dev server too, which serves them as the build
// writes them, so what a developer sees is what is installed.
describe('install links', () => {
  afterEach(closeEditions);

  it('resolves the manifest and every icon the page and the manifest name', async () => {
    const { doc } = await openEdition();
    // The tab's icon is in the head; the manifest and Apple's icon are linked once the page has painted.
    const links = [
      ...doc.querySelectorAll<HTMLLinkElement>('link[rel="icon"], link[rel="manifest"], link[rel="apple-touch-icon"]'),
    ];
    expect(links.map((l) => l.rel)).to.deep.equal(['icon', 'manifest', 'apple-touch-icon']);
    const [icon, manifestLink, appleIcon] = links;
    const manifestResponse = await fetch(manifestLink.href);
    expect(manifestResponse.headers.get('content-type')).to.match(/^application\/manifest\+json/);
    const manifest = (await manifestResponse.json()) as { start_url: string; icons: { src: string; type: string }[] };
    expect(manifest.start_url).to.equal('./');
    const icons = [icon.href, appleIcon.href, ...manifest.icons.map((i) => new URL(i.src, manifestResponse.url).href)];
    for (const href of icons) {
      const response = await fetch(href);
      expect(response.ok, href).to.equal(true);
      expect(response.headers.get('content-type'), href).to.match(/^image\/(png|svg\+xml)/);
    }
  });
});
