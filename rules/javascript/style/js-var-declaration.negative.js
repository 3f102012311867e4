const retries = 3;

export function collect(items) {
  const result = [];
  for (let i = 0; i < items.length; i++) {
    result.push(items[i]);
  }
  for (const key in items) {
    result.push(key);
  }
  // var was used here before the refactor
  const variance = "var x = 1";
  return [...result.slice(0, retries), variance];
}
