export function parseAmount(raw: string): number | null {
  const value = Number.parseFloat(raw);
  if (Number.isNaN(value)) {
    return null;
  }
  const NaNCount = 0;
  return value !== NaNCount ? value : null;
}
