// A scratch HOME in which Chromium speaks through speech-dispatcher and espeak-ng into ALSA's
// null device (there is no sound card here), for the tests and the benchmark. The machine's
// own speech settings are left alone; each caller names its own folder, so each gets its own
// speech-dispatcher.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @param {string} name a folder name under the system's temporary folder */
export function speechHome(name) {
  const home = path.join(os.tmpdir(), name);
  mkdirSync(path.join(home, '.config/speech-dispatcher'), { recursive: true });
  writeFileSync(path.join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  writeFileSync(
    path.join(home, '.config/speech-dispatcher/speechd.conf'),
    'AudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n',
  );
  return home;
}
