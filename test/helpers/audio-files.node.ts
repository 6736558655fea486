// Shared by the audio edition's Node tests: a WebVTT reader, an ID3-free view of an MP3, the
// LAME Info frame's fields, and a fake speech engine that counts what it is asked to say.
import type { Speech, SpeechEngine } from '../../generator/audio/engine.ts';
import { frameHeader } from '../../generator/audio/mp3.ts';
import type { Cue } from '../../generator/audio/webvtt.ts';

/** The cues of a WebVTT file, read independently of the module that writes them. */
export function readWebvtt(text: string): Cue[] {
  const [header, ...blocks] = text.trimEnd().split(/\n\n+/);
  if (!header.startsWith('WEBVTT')) throw new Error('no WEBVTT header');
  const seconds = (stamp: string) => {
    const match = /^(\d\d):(\d\d):(\d\d)\.(\d\d\d)$/.exec(stamp);
    if (!match) throw new Error(`bad timestamp ${stamp}`);
    return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4]) / 1000;
  };
  return blocks
    .filter((block) => !block.startsWith('NOTE'))
    .map((block) => {
      const [id, timing, ...lines] = block.split('\n');
      const [start, end] = timing.split(' --> ').map(seconds);
      const text = lines.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      return { id, start, end, text };
    });
}

/** Where the MP3 stream starts, past an ID3v2 tag if there is one. */
export function audioStart(file: Uint8Array): number {
  if (file[0] !== 0x49 || file[1] !== 0x44 || file[2] !== 0x33) return 0;
  return 10 + ((file[6] << 21) | (file[7] << 14) | (file[8] << 7) | file[9]);
}

/** The Xing/LAME Info frame's fields, read as a decoder reads them (see FFmpeg's mp3dec). */
export function infoTag(file: Uint8Array) {
  const at = audioStart(file);
  const header = frameHeader(file, at);
  if (!header) throw new Error('no MP3 frame after the tag');
  const side = header.version === 1 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  const view = new DataView(file.buffer, file.byteOffset + at, header.size);
  const text = (from: number, length: number) => String.fromCharCode(...file.subarray(at + from, at + from + length));
  let p = 4 + side;
  const tag = text(p, 4);
  const flags = view.getUint32(p + 4);
  const frames = view.getUint32(p + 8);
  const bytes = view.getUint32(p + 12);
  p += 16;
  const encoder = text(p, 9);
  const delayPadding = (view.getUint8(p + 21) << 16) | (view.getUint8(p + 22) << 8) | view.getUint8(p + 23);
  const crcAt = p + 34;
  return {
    header,
    at,
    tag,
    flags,
    frames,
    bytes,
    encoder,
    delay: delayPadding >> 12,
    padding: delayPadding & 0xfff,
    crc: view.getUint16(crcAt),
    crcAt,
  };
}

/** CRC-16/ARC, computed here independently of the encoder's. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * A speech engine that says each sentence as a tone 10 ms per character long, between the
 * 150 ms lead-in and 100 ms tail of near-silence a real engine leaves, and counts its calls.
 */
export function fakeEngine({ lang = 'en-US' }: { lang?: string } = {}): SpeechEngine & { calls: string[] } {
  const sampleRate = 16000;
  const calls: string[] = [];
  const engine = {
    id: 'fake engine 1',
    voices: [{ name: 'fake', lang }],
    calls,
    voiceFor: (wanted: string) => (wanted.split('-')[0] === lang.split('-')[0] ? engine.voices[0] : undefined),
    async synthesize(text: string): Promise<Speech> {
      engine.calls.push(text);
      const lead = 0.15 * sampleRate;
      const tone = text.length * 0.01 * sampleRate;
      const samples = new Int16Array(lead + tone + 0.1 * sampleRate);
      for (let i = 0; i < samples.length; i++)
        samples[i] = i >= lead && i < lead + tone ? Math.round(8000 * Math.sin(i / 5)) : i % 2 ? 20 : -20;
      return { sampleRate, samples };
    },
  };
  return engine;
}
