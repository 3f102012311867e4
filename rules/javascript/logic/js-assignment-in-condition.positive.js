export function applyCoupon(order, coupon) {
  // expect: js-assignment-in-condition
  if (order.coupon = coupon) {
    order.discount = 0.1;
  }
  return order;
}
