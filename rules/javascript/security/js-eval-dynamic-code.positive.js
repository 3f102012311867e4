function calculate(req, res) {
  // expect: js-eval-dynamic-code, js-taint-code
  const result = eval(req.query.expr);
  res.json({ result });
}

function applyFilter(rows, filterSource) {
  // expect: js-eval-dynamic-code
  const predicate = new Function("row", "return " + filterSource);
  return rows.filter(predicate);
}

function runPlugin(code) {
  // expect: js-eval-dynamic-code
  return window.eval(`(function(){ ${code} })()`);
}

function scheduleRefresh(widgetId, delay) {
  // expect: js-eval-dynamic-code
  setTimeout("refreshWidget('" + widgetId + "')", delay);
  // expect: js-eval-dynamic-code
  setInterval(`poll(${widgetId})`, delay * 10);
}

module.exports = { calculate, applyFilter, runPlugin, scheduleRefresh };
