const { exec, execFile } = require("child_process");

const STATUS_COMMAND = "git status --short";

function status(cb) {
  exec("git status --short", cb);
  exec(STATUS_COMMAND, cb);
  exec(`uptime`, cb);
}

function ping(host, cb) {
  execFile("ping", ["-c", "1", host], cb);
}

function firstMatch(text) {
  const pattern = /id=(\d+)/;
  return pattern.exec(text);
}

function tokens(re, input) {
  return re.exec(input);
}

module.exports = { status, ping, firstMatch, tokens };
