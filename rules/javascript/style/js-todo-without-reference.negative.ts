export function formatPrice(cents: number): string {
  // TODO(#481): support other currencies
  const euros = cents / 100;
  // FIXME PAY-1203 rounding of half cents
  // TODO(alice): drop once the v1 endpoint is gone
  // TODO see https://tracker.example.com/issues/77
  /* FIXME gh-310: remove the fallback */
  // todo items are rendered by the list component
  const note = "TODO: this string is not a comment";
  return `€${euros.toFixed(2)} ${note}`;
}
