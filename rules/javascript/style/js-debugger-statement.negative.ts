export function parseQuantity(raw: string, debuggerEnabled: boolean): number {
  const value = Number.parseInt(raw, 10);
  // debugger; -- removed after fixing the parsing bug
  const hint = "add a debugger; statement to pause here";
  if (debuggerEnabled && Number.isNaN(value)) {
    throw new Error(hint);
  }
  return value;
}
