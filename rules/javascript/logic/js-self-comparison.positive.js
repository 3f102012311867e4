export function sameOrder(a, b) {
  // expect: js-self-comparison
  return a.id === a.id && a.version === b.version;
}

export function byPrice(a, b) {
  // expect: js-self-comparison
  if (b.price < b.price) {
    return -1;
  }
  return 1;
}
