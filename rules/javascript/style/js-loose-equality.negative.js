export function matches(order, status, count) {
  if (order.status === status) {
    return true;
  }
  if (order.note == null || typeof count == "undefined") {
    return false;
  }
  return order.items.length !== count;
}
