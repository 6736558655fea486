// Started by warmUpLocaleData (speech/first-listen.ts), once, when the page is idle: making one
// sentence segmenter here loads the browser's locale data for the whole page's process, off
// its main thread. A classic worker script (no imports or exports), type-checked with the
// page's workers (src/service-worker/tsconfig.json). The build bundles it to
// locale-warm-up.worker.js beside the pages, like sw.js, so the same address finds it from
// src/speech/ and assets/; the development server answers that address with this file compiled.
addEventListener('message', ({ data: lang }: MessageEvent<string>) => {
  new Intl.Segmenter(lang, { granularity: 'sentence' }).segment('Ready.');
  close();
});
