// Types for the two markdown-it plugins the articles use that ship none (and have no @types).

declare module 'markdown-it-deflist' {
  import type { MarkdownIt } from 'markdown-it';

  /** Definition lists: a term, then lines starting with ":". */
  export default function deflist(md: MarkdownIt): void;
}

declare module 'markdown-it-task-lists' {
  import type { MarkdownIt } from 'markdown-it';

  /** GitHub task lists: "- [ ]" and "- [x]" items become checkboxes. */
  export default function taskLists(
    md: MarkdownIt,
    options?: { enabled?: boolean; label?: boolean; labelAfter?: boolean },
  ): void;
}
