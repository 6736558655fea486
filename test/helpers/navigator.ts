// Browser features on `navigator` replaced or taken away for one test, in the test's own
// window: controllers detect features with `'name' in navigator`, so "absent" must remove
// the property itself (from Navigator.prototype too), not leave it there as undefined.

const restores: (() => void)[] = [];

/** Gives `navigator[name]` this value (a fake) until `restoreNavigator()`. */
export function replaceInNavigator(name: string, value: unknown) {
  Object.defineProperty(navigator, name, { value, configurable: true });
  restores.push(() => delete (navigator as unknown as Record<string, unknown>)[name]);
}

/** Takes `navigator[name]` away, as in a browser without the feature, until `restoreNavigator()`. */
export function removeFromNavigator(name: string) {
  const prototype = Navigator.prototype as unknown as Record<string, unknown>;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
  delete prototype[name];
  restores.push(() => descriptor && Object.defineProperty(prototype, name, descriptor));
}

/** Puts back everything replaced or removed, most recent first. */
export function restoreNavigator() {
  for (const restore of restores.splice(0).reverse()) restore();
}
