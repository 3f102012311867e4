const vm = require("vm");

function sandboxGlobals() {
  return vm.runInNewContext("Object.keys(this)", {});
}

function bootstrap() {
  const script = new vm.Script("globalThis.ready = true;");
  return script.runInThisContext();
}

module.exports = { sandboxGlobals, bootstrap };
