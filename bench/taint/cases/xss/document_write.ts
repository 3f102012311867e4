// label: vulnerable xss
export function showReferrer(): void {
  const ref = document.referrer;
  document.write("<a href='" + ref + "'>Back</a>");
}
