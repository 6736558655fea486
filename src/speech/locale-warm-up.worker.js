// Started by warmUpLocaleData (./first-listen.ts), once, when the page is idle: making one
// sentence segmenter here loads the browser's locale data for the whole page's process, off
// its main thread. Plain JavaScript, so the development server serves it as it is.
addEventListener('message', ({ data: lang }) => {
  new Intl.Segmenter(lang, { granularity: 'sentence' }).segment('Ready.');
  close();
});
