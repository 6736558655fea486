// Words with values put in, as data: "Keep audio for offline ({size})". The components' words
// travel as JSON in a page in another language than English (see in-page.ts), so they are
// strings with named places, not functions. A table whose words lack a place is a type error.

/** Words holding each of `Names` in braces, in any order: Template<'played' | 'left'>. */
export type Template<Names extends string> = Every<
  Names extends string ? (words: `${string}{${Names}}${string}`) => void : never
>;

/** The intersection of a union's members' parameters: words that hold every name. */
type Every<F> = [F] extends [(words: infer W) => void] ? W : never;

/** The words with each {name} replaced by its value. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
