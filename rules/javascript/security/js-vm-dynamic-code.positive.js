const vm = require("vm");

function evaluateFormula(formula, row) {
  // expect: js-vm-dynamic-code
  return vm.runInNewContext(formula, { row, Math });
}

function compileRule(source) {
  // expect: js-vm-dynamic-code
  return new vm.Script(`(function (input) { ${source} })`);
}

module.exports = { evaluateFormula, compileRule };
