import { executeServerCommand } from '@web/test-runner-commands';

/** Media features a test can emulate (Chromium only); an empty string restores the system value. */
export interface MediaFeatures {
  'prefers-color-scheme'?: 'light' | 'dark' | '';
  'prefers-reduced-motion'?: 'reduce' | 'no-preference' | '';
  'forced-colors'?: 'active' | 'none' | '';
  'prefers-contrast'?: 'more' | 'less' | 'no-preference' | '';
}

export function emulateMediaFeatures(features: MediaFeatures) {
  return executeServerCommand('emulate-media-features', features);
}

export function resetMediaFeatures() {
  return emulateMediaFeatures({
    'prefers-color-scheme': '',
    'prefers-reduced-motion': '',
    'forced-colors': '',
    'prefers-contrast': '',
  });
}

/** A phone's screen (mobile viewport rules, overlay scrollbars, touch) for the test's page, or none. */
export function emulateDevice(device: { width: number; height: number } | null) {
  return executeServerCommand('emulate-device', device);
}
