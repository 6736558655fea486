// MP3 for the audio edition: mono, constant bitrate, encoded by lamejs (LAME in pure
// JavaScript). lamejs writes bare audio frames, with no Xing/LAME "Info" frame. Without it a
// browser can only guess the duration from the file size and bitrate, and plays the encoder's
// delay (576 samples, plus the decoder's 529) and the end padding as if they were audio, so
// cues drift and the duration is wrong. So the encoder's output gets the Info frame LAME
// itself would write: the frame count, the stream's size, and the delay and padding that
// gapless decoders (FFmpeg in Chromium, Firefox's MP3 demuxer) trim.
import { Mp3Encoder } from '@breezystack/lamejs';

/** LAME's encoder delay in samples (ENCDELAY); lamejs keeps it. */
export const ENCODER_DELAY = 576;

/** Bitrates (kbps) of MPEG-2 and 2.5 Layer III (16–24 kHz and below) by header index. */
const LSF_BITRATES = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Bitrates (kbps) of MPEG-1 Layer III (32–48 kHz) by header index. */
const MPEG1_BITRATES = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const SAMPLE_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/**
 * @typedef {object} FrameHeader
 * @property {1 | 2 | 2.5} version MPEG version
 * @property {number} bitrate kbps
 * @property {number} sampleRate
 * @property {number} samplesPerFrame
 * @property {number} size bytes, header included
 * @property {boolean} mono
 */

/**
 * The Layer III frame header at `at`, or undefined when there is none.
 * @param {Uint8Array} bytes
 * @param {number} at
 * @returns {FrameHeader | undefined}
 */
export function frameHeader(bytes, at) {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return undefined;
  const versionBits = (bytes[at + 1] >> 3) & 3;
  const layerBits = (bytes[at + 1] >> 1) & 3;
  const bitrateIndex = bytes[at + 2] >> 4;
  const rateIndex = (bytes[at + 2] >> 2) & 3;
  const padding = (bytes[at + 2] >> 1) & 1;
  if (versionBits === 1 || layerBits !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const lsf = versionBits !== 3;
  const bitrate = (lsf ? LSF_BITRATES : MPEG1_BITRATES)[bitrateIndex];
  const sampleRate = SAMPLE_RATES[/** @type {0 | 2 | 3} */ (versionBits)][rateIndex];
  const samplesPerFrame = lsf ? 576 : 1152;
  return {
    version: versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5,
    bitrate,
    sampleRate,
    samplesPerFrame,
    size: Math.floor((samplesPerFrame / 8) * ((bitrate * 1000) / sampleRate)) + padding,
    mono: bytes[at + 3] >> 6 === 3,
  };
}

/**
 * Every frame of a bare MP3 stream, in order.
 * @param {Uint8Array} stream
 */
export function frames(stream) {
  /** @type {(FrameHeader & { at: number })[]} */
  const found = [];
  for (let at = 0; at < stream.length; ) {
    const header = frameHeader(stream, at);
    if (!header) throw new Error(`no MP3 frame at byte ${at} of ${stream.length}`);
    found.push({ ...header, at });
    at += header.size;
  }
  return found;
}

/**
 * A constant-bitrate mono MP3 encoder fed as samples come; `finish` returns the whole file,
 * a LAME Info frame first.
 * @param {{ sampleRate: number, kbps: number }} options
 */
export function mp3Encoder({ sampleRate, kbps }) {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  /** @type {Uint8Array[]} */
  const parts = [];
  let samples = 0;
  return {
    /** @param {Int16Array} chunk */
    encode(chunk) {
      samples += chunk.length;
      parts.push(encoder.encodeBuffer(chunk));
    },
    /** @returns {Uint8Array} */
    finish() {
      parts.push(encoder.flush());
      const audio = concat(parts);
      const audioFrames = frames(audio);
      if (audioFrames.length === 0) throw new Error('the encoder wrote no frames');
      const padding = audioFrames.length * audioFrames[0].samplesPerFrame - ENCODER_DELAY - samples;
      if (padding < 0 || padding > 4095) throw new Error(`unexpected encoder padding ${padding}`);
      return concat([infoFrame(audio, audioFrames.length, audio.length, padding), audio]);
    },
  };
}

/**
 * A LAME "Info" frame (the Xing header of a constant-bitrate file) matching the stream's first
 * frame: frame and byte counts, then LAME's extension with the encoder delay and padding.
 * Decoders play it as one frame of silence, or (all that read the tag) skip it.
 * @param {Uint8Array} audio the bare stream that follows
 * @param {number} frameCount audio frames, the Info frame not counted
 * @param {number} audioBytes
 * @param {number} padding samples of padding at the end
 */
function infoFrame(audio, frameCount, audioBytes, padding) {
  const first = /** @type {FrameHeader} */ (frameHeader(audio, 0));
  const frame = new Uint8Array(first.size - ((audio[2] >> 1) & 1));
  // The first frame's header, without its padding bit and with no CRC.
  frame.set(audio.subarray(0, 4));
  frame[1] |= 0x01;
  frame[2] &= ~0x02;
  const view = new DataView(frame.buffer);
  // Side information (zeros: no audio data) comes first: 9 bytes for MPEG-2 mono, 17 for
  // MPEG-1 mono or MPEG-2 stereo, 32 for MPEG-1 stereo.
  let at = 4 + (first.version === 1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17);
  const ascii = (/** @type {string} */ text) => {
    for (const c of text) frame[at++] = c.charCodeAt(0);
  };
  ascii('Info');
  view.setUint32(at, 0x1 | 0x2); // frame count and byte count follow; no seek table or quality
  view.setUint32(at + 4, frameCount);
  view.setUint32(at + 8, audioBytes + frame.length);
  at += 12;
  // LAME's extension, as FFmpeg and Firefox read it after the Xing fields.
  ascii('LAME3.100');
  frame[at++] = 0x00; // tag revision 0, VBR method 0 (unknown: constant bitrate)
  frame[at++] = 0x00; // lowpass filter: not given
  at += 4 + 2 + 2; // peak signal amplitude, radio and audiophile replay gain: not given
  frame[at++] = 0x00; // encoding flags and ATH type
  frame[at++] = Math.min(first.bitrate, 255); // the constant bitrate, kbps
  // Encoder delay and padding, 12 bits each.
  frame[at++] = ENCODER_DELAY >> 4;
  frame[at++] = ((ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  frame[at++] = padding & 0xff;
  at += 1 + 1 + 2; // misc (source rate, noise shaping), MP3 gain, preset and surround: none
  view.setUint32(at, audioBytes + frame.length); // music length: the whole stream's bytes
  at += 4 + 2; // music CRC: not given
  view.setUint16(at, crc16(frame, 0, at)); // the tag's own CRC, over the frame up to here
  return frame;
}

/**
 * CRC-16 (polynomial 0x8005, reflected: 0xA001, initial 0), as LAME guards its tag with.
 * @param {Uint8Array} bytes
 * @param {number} from
 * @param {number} to
 */
function crc16(bytes, from, to) {
  let crc = 0;
  for (let i = from; i < to; i++) {
    crc ^= bytes[i];
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** @param {Uint8Array[]} parts */
function concat(parts) {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
