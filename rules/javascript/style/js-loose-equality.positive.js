export function matches(order, status, count) {
  // expect: js-loose-equality
  if (order.status == status) {
    return true;
  }
  // expect: js-loose-equality
  return order.items.length != count;
}
