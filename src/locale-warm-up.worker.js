// Started by warmUpLocaleData (speech/first-listen.ts), once, when the page is idle: making one
// sentence segmenter here loads the browser's locale data for the whole page's process, off
// its main thread. Plain JavaScript, so the development server serves it as it is; the build
// writes it beside the pages, like sw.js, so the same address finds it from src/speech/ and assets/.
addEventListener('message', ({ data: lang }) => {
  new Intl.Segmenter(lang, { granularity: 'sentence' }).segment('Ready.');
  close();
});
