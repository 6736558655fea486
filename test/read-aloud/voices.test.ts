// Which voices the menu offers first and what it calls them, from the Readium Foundation's
// recommended list: quality tiers, Apple's Enhanced and Premium downloads, the article's
// region, offline, and which systems get which advice.
import { expect } from 'chai';
import {
  onlyPoorVoices,
  platformOf,
  tellsLocalFromOnline,
  voiceChoices,
  type RecommendedVoice,
} from '../../src/speech/voices.js';
import { voice } from '../helpers/fake-engine.js';

const RECOMMENDED: RecommendedVoice[] = [
  {
    name: 'Microsoft Aria Online (Natural) - English (United States)',
    label: 'Aria',
    language: 'en-US',
    gender: 'female',
    quality: ['veryHigh'],
  },
  { name: 'Samantha', label: 'Samantha', language: 'en-US', gender: 'female', quality: ['low', 'normal', 'high'] },
  {
    name: 'Microsoft Libby Online (Natural) - English (United Kingdom)',
    altNames: ['Libby'],
    label: 'Libby',
    language: 'en-GB',
    gender: 'female',
    quality: ['veryHigh'],
  },
  { name: 'Daniel', label: 'Daniel', language: 'en-GB', gender: 'male', quality: ['low'] },
];

const labels = (choices: ReturnType<typeof voiceChoices>) => choices.map((c) => `${c.label} ${c.quality ?? '?'}`);

describe('voice choices', () => {
  it('ranks by the recommended tier, tells Apple’s downloads apart, and keeps unknown voices last', () => {
    const voices = [
      voice('eSpeak English', 'en', { default: true }),
      voice('Samantha', 'en-US'),
      voice('Samantha (Premium)', 'en-US'),
      voice('Samantha (Enhanced)', 'en-US'),
      voice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', { local: false }),
      voice('Thomas', 'fr-FR'),
    ];
    expect(labels(voiceChoices(voices, 'en', { recommended: RECOMMENDED }))).to.deep.equal([
      'Aria veryHigh',
      'Samantha (Premium) high',
      'Samantha (Enhanced) normal',
      'Samantha low',
      'eSpeak English ?',
    ]);
  });

  it('puts the article’s own region first where it names one, and matches a voice by its other names', () => {
    const voices = [
      voice('Microsoft Aria Online (Natural) - English (United States)', 'en-US'),
      voice('Libby', 'en-GB'),
      voice('Daniel', 'en-GB'),
    ];
    expect(labels(voiceChoices(voices, 'en-GB', { recommended: RECOMMENDED }))).to.deep.equal([
      'Libby veryHigh',
      'Daniel low',
      'Aria veryHigh',
    ]);
  });

  it('offline, puts voices on the device first: a network voice cannot speak', () => {
    const voices = [
      voice('Microsoft Aria Online (Natural) - English (United States)', 'en-US', { local: false }),
      voice('Daniel', 'en-GB'),
    ];
    expect(labels(voiceChoices(voices, 'en', { recommended: RECOMMENDED }))[0]).to.equal('Aria veryHigh');
    expect(labels(voiceChoices(voices, 'en', { recommended: RECOMMENDED, offline: true }))[0]).to.equal('Daniel low');
  });

  it('without the recommended list, falls back to default, then on the device, then by name', () => {
    const voices = [
      voice('Zed', 'en-US', { local: false }),
      voice('Bee', 'en-GB'),
      voice('Ant', 'en-US'),
      voice('Default', 'en-US', { default: true }),
    ];
    expect(voiceChoices(voices, 'en').map((c) => c.label)).to.deep.equal(['Default', 'Ant', 'Bee', 'Zed']);
  });

  it('believes the browser’s “local” flag only where it calls some voices local and others not', () => {
    expect(tellsLocalFromOnline([voice('A', 'en', { local: false }), voice('B', 'en', { local: false })])).to.equal(
      false,
    );
    expect(tellsLocalFromOnline([voice('A', 'en'), voice('B', 'en')])).to.equal(false);
    expect(tellsLocalFromOnline([voice('A', 'en'), voice('B', 'en', { local: false })])).to.equal(true);
  });

  it('finds a device with only poor voices: none the list rates normal or better', () => {
    const poor = voiceChoices([voice('Daniel', 'en-GB'), voice('eSpeak', 'en')], 'en', { recommended: RECOMMENDED });
    const good = voiceChoices([voice('Daniel', 'en-GB'), voice('Samantha (Enhanced)', 'en-US')], 'en', {
      recommended: RECOMMENDED,
    });
    expect(onlyPoorVoices(poor)).to.equal(true);
    expect(onlyPoorVoices(good)).to.equal(false);
    expect(onlyPoorVoices([])).to.equal(false);
  });

  it('tells systems apart for the advice on adding a voice', () => {
    const nav = (userAgent: string, maxTouchPoints = 0, platform?: string) =>
      ({ userAgent, maxTouchPoints, ...(platform ? { userAgentData: { platform } } : {}) }) as unknown as Navigator;
    expect(platformOf(nav('Mozilla/5.0 (Windows NT 10.0; Win64; x64)'))).to.equal('windows');
    expect(platformOf(nav('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)'))).to.equal('mac');
    expect(platformOf(nav('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)', 5))).to.equal('ios');
    expect(platformOf(nav('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)'))).to.equal('ios');
    expect(platformOf(nav('Mozilla/5.0 (Linux; Android 14; Pixel 8)'))).to.equal('android');
    expect(platformOf(nav('Mozilla/5.0 (X11; Linux x86_64)'))).to.equal('linux');
    expect(platformOf(nav('Mozilla/5.0', 0, 'Windows'))).to.equal('windows');
  });
});
