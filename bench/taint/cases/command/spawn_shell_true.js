// label: vulnerable command
const cp = require("child_process");
const express = require("express");

const app = express();

app.get("/tail", (req, res) => {
  const file = req.query.file;
  const child = cp.spawn("tail -n 50 " + file, { shell: true });
  child.stdout.pipe(res);
});
