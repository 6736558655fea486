// The recommended voices the build writes beside the pages, from @readium/speech's data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recommendedVoiceData } from '../../generator/page/voice-data.ts';

test('the recommended voices for English: friendly labels, tiers, genders and other names', async () => {
  const voices = await recommendedVoiceData('en-GB');
  assert.ok(voices.length > 50, `${voices.length} voices`);
  const aria = voices.find((v) => v.name === 'Microsoft Aria Online (Natural) - English (United States)');
  assert.deepEqual(aria, {
    name: 'Microsoft Aria Online (Natural) - English (United States)',
    label: 'Aria',
    language: 'en-US',
    gender: 'female',
    quality: ['veryHigh'],
  });
  const qualities = new Set(voices.flatMap((v) => v.quality));
  for (const quality of qualities)
    assert.ok(['veryLow', 'low', 'normal', 'high', 'veryHigh'].includes(quality), quality);
  // Small enough to fetch when the player is first used: a few KB compressed.
  assert.ok(JSON.stringify(voices).length < 40_000);
});

test('a language the list does not cover has no recommended voices', async () => {
  assert.deepEqual(await recommendedVoiceData('tlh'), []);
  assert.ok((await recommendedVoiceData('fr')).length > 10);
});
