export function sameOrder(a, b) {
  return a.id === b.id && a.version === b.version;
}

export function isNotANumber(value) {
  return value !== value || Number.isNaN(value);
}

export function coinFlipsAgree() {
  return Math.random() === Math.random();
}
