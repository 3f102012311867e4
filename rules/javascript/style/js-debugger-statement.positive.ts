export function parseQuantity(raw: string): number {
  const value = Number.parseInt(raw, 10);
  if (Number.isNaN(value)) {
    // expect: js-debugger-statement
    debugger;
  }
  return value;
}
