const ORDER_ID = new RegExp("order-(\\d+)");

export function extractIds(lines, prefixes) {
  const ids = [];
  for (const line of lines) {
    const match = ORDER_ID.exec(line);
    if (match) {
      ids.push(Number(match[1]));
    }
  }
  for (const prefix of prefixes) {
    ids.push(new RegExp(`^${prefix}-`).test(lines[0]) ? 1 : 0);
  }
  return ids;
}
