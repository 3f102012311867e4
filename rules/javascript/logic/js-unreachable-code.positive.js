export function shippingCost(order) {
  if (!order.items.length) {
    return 0;
    // expect: js-unreachable-code
    order.flagged = true;
  }
  const weight = order.items.reduce((sum, item) => sum + item.weight, 0);
  return weight * 0.5;
  // expect: js-unreachable-code
  logCost(order, weight);
}

export function label(kind) {
  switch (kind) {
    case "express":
      throw new Error("express is not supported");
      // expect: js-unreachable-code
      return "E";
    default:
      return "S";
  }
}
