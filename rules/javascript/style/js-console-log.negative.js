import { logger } from "./logger.js";

export function applyDiscount(cart, code) {
  logger.debug("applying %s", code);
  const total = cart.items.reduce((sum, item) => sum + item.price, 0);
  if (total < 0) {
    console.error("negative cart total", total);
  }
  const log = { entries: [] };
  log.entries.push(total);
  return total * 0.9;
}
