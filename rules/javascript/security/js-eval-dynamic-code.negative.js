function globalObject() {
  // A constant body is not built from input.
  return new Function("return this")();
}

function sum(a, b) {
  return eval("1 + 2") + a + b;
}

function parseConfig(text) {
  // eval(text) would run arbitrary code, JSON.parse does not.
  return JSON.parse(text);
}

function scheduleRefresh(widgetId, delay) {
  setTimeout(() => refreshWidget(widgetId), delay);
  setInterval(poll, delay * 10);
  setTimeout("tick()", 1000);
}

const evaluator = { eval: (expr) => expr.length };
evaluator.eval(userInput);

module.exports = { globalObject, sum, parseConfig, scheduleRefresh };
