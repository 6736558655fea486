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
const SAMPLE_RATES: Record<0 | 2 | 3, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

interface FrameHeader {
  /** MPEG version. */
  version: 1 | 2 | 2.5;
  /** kbps. */
  bitrate: number;
  sampleRate: number;
  samplesPerFrame: number;
  /** Bytes, header included. */
  size: number;
  mono: boolean;
}

/** The Layer III frame header at `at`, or undefined when there is none. */
export function frameHeader(bytes: Uint8Array, at: number): FrameHeader | undefined {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return undefined;
  const versionBits = (bytes[at + 1] >> 3) & 3;
  const layerBits = (bytes[at + 1] >> 1) & 3;
  const bitrateIndex = bytes[at + 2] >> 4;
  const rateIndex = (bytes[at + 2] >> 2) & 3;
  const padding = (bytes[at + 2] >> 1) & 1;
  if (versionBits === 1 || layerBits !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return undefined;
  const lsf = versionBits !== 3;
  const bitrate = (lsf ? LSF_BITRATES : MPEG1_BITRATES)[bitrateIndex];
  const sampleRate = SAMPLE_RATES[versionBits as 0 | 2 | 3][rateIndex]; // 1 (reserved) is refused above
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

/** Every frame of a bare MP3 stream, in order. */
export function frames(stream: Uint8Array): (FrameHeader & { at: number })[] {
  const found: (FrameHeader & { at: number })[] = [];
  for (let at = 0; at < stream.length;) {
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
 */
export function mp3Encoder({ sampleRate, kbps }: { sampleRate: number; kbps: number }) {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const parts: Uint8Array[] = [];
  let samples = 0;
  return {
    encode(chunk: Int16Array): void {
      samples += chunk.length;
      parts.push(encoder.encodeBuffer(chunk));
    },
    finish(): Uint8Array {
      parts.push(encoder.flush());
      const audio = concat(parts);
      const audioFrames = frames(audio);
      if (audioFrames.length === 0) throw new Error('the encoder wrote no frames');
      const padding = audioFrames.length * audioFrames[0].samplesPerFrame - ENCODER_DELAY - samples;
      if (padding < 0 || padding > 4095) throw new Error(`unexpected encoder padding ${padding}`);
      return concat([infoFrame(audio, audioFrames[0], audioFrames.length, audio.length, padding), audio]);
    },
  };
}

/**
 * A LAME "Info" frame (the Xing header of a constant-bitrate file) matching the stream's first
 * frame: frame and byte counts, then LAME's extension with the encoder delay and padding.
 * Decoders play it as one frame of silence, or (all that read the tag) skip it.
 * `audio` is the bare stream that follows, `first` its first frame's header; `frameCount`
 * does not count the Info frame; `padding` is in samples, at the end.
 */
function infoFrame(
  audio: Uint8Array,
  first: FrameHeader,
  frameCount: number,
  audioBytes: number,
  padding: number,
): Uint8Array {
  const frame = new Uint8Array(first.size - ((audio[2] >> 1) & 1));
  // The first frame's header, without its padding bit and with no CRC.
  frame.set(audio.subarray(0, 4));
  frame[1] |= 0x01;
  frame[2] &= ~0x02;
  const view = new DataView(frame.buffer);
  // Side information (zeros: no audio data) comes first: 9 bytes for MPEG-2 mono, 17 for
  // MPEG-1 mono or MPEG-2 stereo, 32 for MPEG-1 stereo.
  let at = 4 + (first.version === 1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17);
  const ascii = (text: string) => {
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

/** CRC-16 (polynomial 0x8005, reflected: 0xA001, initial 0), as LAME guards its tag with. */
function crc16(bytes: Uint8Array, from: number, to: number): number {
  let crc = 0;
  for (let i = from; i < to; i++) {
    crc ^= bytes[i];
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
