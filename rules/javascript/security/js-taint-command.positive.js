const { exec } = require("child_process");
const express = require("express");

const app = express();

app.get("/ping", (req, res) => {
  const host = req.query.host;
  // expect: js-taint-command, js-child-process-exec-injection
  exec(`ping -c 1 ${host}`, (err, stdout) => res.send(stdout));
});
