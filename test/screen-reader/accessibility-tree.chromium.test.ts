// Every control's name, role and state, and the status regions, as Chromium gives them to
// screen readers: its own accessibility tree, shadow DOM included.
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { announcement } from '../helpers/announcer.js';
import type { Edition } from '../helpers/edition.js';
import { openPanel } from '../helpers/settings.js';
import { startPlaying } from '../helpers/speech.js';
import { openInState, STATES } from '../helpers/states.js';
import { startEachTestAfresh } from '../helpers/storage.js';

interface AxNode {
  role: string;
  name: string;
  value: string;
  properties: Record<string, unknown>;
}

const tree = () => executeServerCommand<AxNode[], { path: string }>('accessibility-tree', { path: '/dist/index.html' });
const find = (nodes: AxNode[], role: string, name: string | RegExp) =>
  nodes.find((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));

describe('accessibility tree of the controls (Chromium)', function () {
  this.timeout(120_000);
  let edition: Edition;
  startEachTestAfresh();

  it('names every header control and says whether its panel is open', async () => {
    edition = await openInState(STATES[0], { width: 1280, height: 800 });
    let nodes = await tree();
    expect(find(nodes, 'button', 'Listen'), 'Listen').to.not.equal(undefined);
    const settings = find(nodes, 'button', 'Reading settings')!;
    expect(settings.properties.expanded).to.equal(false);
    // Each "Listen from here" says where it starts.
    expect(nodes.filter((n) => n.role === 'button' && n.name.startsWith('Listen from here: '))).to.have.length(18);
    expect(find(nodes, 'button', 'Listen from here: When the same pills stopped working')).to.not.equal(undefined);
    expect(find(nodes, 'link', 'Skip to the article')).to.not.equal(undefined);
    expect(find(nodes, 'navigation', 'Contents')).to.not.equal(undefined);
    // No status region until the page has something to say (an empty one is a "status bar"
    // in browse mode), and no section is a region: landmarks are banner, navigation, main, contentinfo.
    expect(nodes.filter((n) => n.role === 'status')).to.deep.equal([]);
    expect(
      nodes.filter((n) => ['region', 'complementary', 'form', 'search'].includes(n.role)).map((n) => n.name),
    ).to.deep.equal([]);
    // Headings are not focusable, so not offered as "clickable".
    const headings = nodes.filter((n) => n.role === 'heading');
    expect(headings.length).to.be.at.least(19);
    expect(headings.filter((n) => n.properties.focusable).map((n) => n.name)).to.deep.equal([]);

    await openPanel(edition);
    nodes = await tree();
    expect(find(nodes, 'button', 'Reading settings')!.properties.expanded).to.equal(true);
    const textSize = find(nodes, 'slider', /^Text size/)!;
    // Chromium gives native sliders their number (aria-valuetext "100%" is for browsers that use it).
    expect(textSize.value).to.equal('100');
    expect(textSize.properties.valuemin).to.equal(80);
    expect(textSize.properties.valuemax).to.equal(300);
    for (const slider of ['Line height', 'Letter spacing', 'Word spacing', 'Paragraph spacing']) {
      expect(find(nodes, 'slider', new RegExp(`^${slider}`)), slider).to.not.equal(undefined);
    }
    expect(find(nodes, 'group', 'Theme')).to.not.equal(undefined);
    expect(find(nodes, 'radio', 'Follow system')!.properties.checked).to.equal('true');
    expect(find(nodes, 'radio', 'High contrast')!.properties.checked).to.equal('false');
    expect(find(nodes, 'radio', 'OpenDyslexic')).to.not.equal(undefined);
    expect(find(nodes, 'checkbox', 'Line focus')!.properties.checked).to.equal('false');
    expect(find(nodes, 'button', 'A− Smaller text')).to.not.equal(undefined);
    expect(find(nodes, 'button', 'Reset to defaults')).to.not.equal(undefined);
  });

  it('names every player control, with its keyboard shortcut, and reports its state', async () => {
    edition = await openInState(STATES[0], { width: 1280, height: 800 });
    await startPlaying(edition);
    const nodes = await tree();
    expect(find(nodes, 'region', 'Read aloud')).to.not.equal(undefined);
    // The player's own keys, which work while focus is in it (no page-wide keys by default).
    for (const [name, keys] of [
      ['Pause', 'K Space'],
      ['Previous sentence', 'ArrowLeft'],
      ['Back 15 seconds', 'J'],
      ['Forward 30 seconds', 'L'],
      ['Next sentence', 'ArrowRight'],
      ['Previous section', 'ArrowUp PageUp'],
      ['Next section', 'ArrowDown PageDown'],
      ['Stop', undefined],
    ]) {
      const button = find(nodes, 'button', name!);
      expect(button, name).to.not.equal(undefined);
      expect(button!.properties.keyshortcuts, name).to.equal(keys);
    }
    expect(find(nodes, 'combobox', /^Speed/)).to.not.equal(undefined);
    expect(find(nodes, 'combobox', /^Sleep timer/)).to.not.equal(undefined);
    expect(find(nodes, 'button', 'More options')!.properties.expanded).to.equal(false);
    // Progress is shown as text; a progress bar changing with every sentence would be spoken over the reading.
    expect(nodes.filter((n) => n.role === 'progressbar')).to.deep.equal([]);
    expect(
      nodes
        .filter((n) => n.role === 'StaticText')
        .map((n) => n.name)
        .join(''),
    ).to.contain('Section 1 of 13: Opening');
    await announcement(edition, 'Playing.');
    // One status region for the whole page, the announcer's, now that it has spoken.
    expect((await tree()).filter((n) => n.role === 'status').map((n) => n.name)).to.have.length(1);
  });
});
