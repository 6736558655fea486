// Checks a stored object field by field against its defaults: each valid field is kept,
// each missing one takes its default, each unusable one takes its default and is named.
// Small and dependency-free because it is also inlined into the page's <head>.

/** Returns the field's value if usable, or undefined to fall back to the default. */
export type FieldCheck = (value: unknown) => unknown;

export interface Checked<T> {
  value: T;
  /** Fields that were present but unusable and fell back to their defaults. */
  rejected: (keyof T)[];
}

export const oneOf =
  (allowed: readonly unknown[]): FieldCheck =>
  (value) =>
    allowed.includes(value) ? value : undefined;

export const numberIn =
  (min: number, max: number): FieldCheck =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;

export const boolean: FieldCheck = (value) => (typeof value === 'boolean' ? value : undefined);

/** An object of string values, such as a voice per language; unusable entries are dropped. */
export const stringRecord: FieldCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string'))
    : undefined;

/** Parses stored text; anything but a JSON object counts as every field rejected. */
export function parseFields<T extends object>(
  text: string | null,
  defaults: Readonly<T>,
  checks: Record<keyof T, FieldCheck>,
): Checked<T> {
  const keys = Object.keys(defaults) as (keyof T)[];
  const value = { ...defaults } as T;
  if (text === null) return { value, rejected: [] };
  let source: unknown;
  try {
    source = JSON.parse(text);
  } catch {
    source = undefined;
  }
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return { value, rejected: keys };
  const rejected: (keyof T)[] = [];
  for (const key of keys) {
    if (!(key in source)) continue;
    const checked = checks[key]((source as Record<keyof T, unknown>)[key]);
    if (checked === undefined) rejected.push(key);
    else value[key] = checked as T[keyof T];
  }
  return { value, rejected };
}
