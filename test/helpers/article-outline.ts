/** The article's section headings, in order, as the seed gives them. */
export const SECTIONS = [
  'When the same pills stopped working',
  'The breakthrough they talk about',
  'A subjective shift more than a checklist ticked',
  'Expert perspective without fanfare',
  'Where the clinic and the culture collide',
  'Joy is not a binary outcome',
  'Why this matters beyond a single life',
  'Open endings and honest caveats',
  'What I think',
  'Summary Table',
  'FAQ',
  'Author',
];
