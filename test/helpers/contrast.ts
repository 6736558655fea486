// WCAG contrast ratio between two computed CSS colours (rgb()/rgba() as browsers report them).

function channels(color: string): number[] {
  const match = color.match(/rgba?\(([^)]+)\)/);
  if (!match) throw new Error(`not an rgb() colour: ${color}`);
  return match[1]
    .split(/[ ,/]+/)
    .filter(Boolean)
    .map(Number);
}

function luminance(color: string) {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
