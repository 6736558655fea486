import { svg } from 'lit';

/** A 16 × 16 glyph in the text's colour, hidden from assistive technology: the button's words name it. */
export const icon = (path: string) =>
  svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path} /></svg>`;

/** The read-aloud player's button glyphs. */
export const ICONS = {
  play: icon('M4 2.5v11l9-5.5z'),
  pause: icon('M4 2.5h3v11H4zm5 0h3v11H9z'),
  stop: icon('M3.5 3.5h9v9h-9z'),
  previous: icon('M11 3v10L5 8zM4 3h1.5v10H4z'),
  next: icon('M5 3v10l6-5zM10.5 3H12v10h-1.5z'),
  previousSection: icon('M8 3v10L2 8zm6 0v10L8 8z'),
  nextSection: icon('M8 3v10l6-5zM2 3v10l6-5z'),
};
