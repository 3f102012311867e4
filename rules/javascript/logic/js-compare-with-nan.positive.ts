export function parseAmount(raw: string): number | null {
  const value = Number.parseFloat(raw);
  // expect: js-compare-with-nan
  if (value === NaN) {
    return null;
  }
  // expect: js-compare-with-nan
  return Number.NaN !== value ? value : null;
}
