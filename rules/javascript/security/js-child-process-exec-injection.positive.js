const child_process = require("child_process");
const { exec, execSync } = require("child_process");

function ping(req, res) {
  // expect: js-child-process-exec-injection, js-taint-command
  exec(`ping -c 1 ${req.query.host}`, (err, stdout) => res.send(stdout));
}

function archive(dir) {
  // expect: js-child-process-exec-injection
  return execSync("tar czf backup.tgz " + dir).toString();
}

function convert(command) {
  // expect: js-child-process-exec-injection
  child_process.exec(command, () => {});
}

function lookup(req) {
  // expect: js-child-process-exec-injection
  return require("child_process").execSync(req.body.cmd);
}

module.exports = { ping, archive, convert, lookup };
