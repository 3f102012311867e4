export function formatPrice(cents: number): string {
  // expect: js-todo-without-reference
  // TODO support other currencies
  const euros = cents / 100;
  // expect: js-todo-without-reference
  return `€${euros.toFixed(2)}`; // FIXME: rounding of half cents
}

// expect: js-todo-without-reference
/* XXX: assumes the server always sends cents,
   even for legacy orders */
export const LEGACY_ORDERS = false;
