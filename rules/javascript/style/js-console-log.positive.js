export function applyDiscount(cart, code) {
  // expect: js-console-log
  console.log("applying", code, cart);
  const total = cart.items.reduce((sum, item) => sum + item.price, 0);
  // expect: js-console-log
  console.debug({ total });
  return total * 0.9;
}
