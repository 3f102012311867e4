export function checkout(cart: { total: number }, gateway: { dryRun: boolean; charge(n: number): string }): string {
  // expect: js-constant-condition
  if (true) {
    cart.total = Math.round(cart.total * 100) / 100;
  }
  // expect: js-constant-condition
  if (0) {
    gateway.dryRun = true;
  // expect: js-constant-condition
  } else if (!false) {
    gateway.dryRun = false;
  }
  return gateway.charge(cart.total);
}
