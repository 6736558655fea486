// The package's browser bundle (its dependencies built in, so it runs unbundled in the test
// browser) has the same API as its main entry, which carries the types.
declare module '@guidepup/virtual-screen-reader/browser.js' {
  export * from '@guidepup/virtual-screen-reader';
}
