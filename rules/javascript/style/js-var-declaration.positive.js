// expect: js-var-declaration
var retries = 3;

export function collect(items) {
  // expect: js-var-declaration
  var result = [];
  // expect: js-var-declaration
  for (var i = 0; i < items.length; i++) {
    result.push(items[i]);
  }
  // expect: js-var-declaration
  for (var key in items) {
    result.push(key);
  }
  return result.slice(0, retries);
}
