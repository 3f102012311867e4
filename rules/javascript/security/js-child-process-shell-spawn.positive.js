const { spawn, spawnSync } = require("child_process");

function compress(file) {
  // expect: js-child-process-shell-spawn
  return spawn(`gzip -k ${file}`, { shell: true });
}

function convert(input, output) {
  // expect: js-child-process-shell-spawn
  return spawnSync("convert", [input, output], { shell: true, stdio: "inherit" });
}

function runScript(req) {
  // expect: js-child-process-shell-spawn, js-taint-command
  return spawn("sh", ["-c", "./scripts/run.sh " + req.body.name]);
}

module.exports = { compress, convert, runScript };
