const { spawn, execFile } = require("child_process");

function compress(file) {
  return spawn("gzip", ["-k", file]);
}

function listing() {
  return spawn("ls -la | sort", { shell: true });
}

function runFixed() {
  return spawn("sh", ["-c", "make clean && make"]);
}

function version(cb) {
  execFile("node", ["--version"], { shell: false }, cb);
}

module.exports = { compress, listing, runFixed, version };
