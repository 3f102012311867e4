const DEBUG = process.env.NODE_ENV !== "production";

export function checkout(cart: { total: number }, gateway: { ready(): boolean; dryRun: boolean; charge(n: number): string }): string {
  if (DEBUG) {
    gateway.dryRun = true;
  }
  while (true) {
    if (gateway.ready()) {
      break;
    }
  }
  if (cart.total > 0) {
    return gateway.charge(cart.total);
  }
  return "nothing to charge";
}
