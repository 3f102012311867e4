export function applyCoupon(order, coupon, pattern, text) {
  if (order.coupon === coupon) {
    order.discount = 0.1;
  }
  let match;
  if ((match = pattern.exec(text))) {
    order.code = match[1];
  }
  while ((match = pattern.exec(text)) !== null) {
    order.codes.push(match[1]);
  }
  return order;
}
