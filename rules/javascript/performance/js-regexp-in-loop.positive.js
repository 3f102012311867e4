export function extractIds(lines) {
  const ids = [];
  for (const line of lines) {
    // expect: js-regexp-in-loop
    const pattern = new RegExp("order-(\\d+)");
    const match = pattern.exec(line);
    if (match) {
      ids.push(Number(match[1]));
    }
  }
  return ids;
}
