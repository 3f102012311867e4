export function shippingCost(order) {
  if (!order.items.length) {
    order.flagged = true;
    return 0;
  }
  const weight = order.items.reduce((sum, item) => sum + item.weight, 0);
  return costFor(weight);

  function costFor(w) {
    return w * 0.5;
  }
}

export function label(kind) {
  switch (kind) {
    case "express":
      return "E";
      break;
    default:
      return "S";
  }
}
