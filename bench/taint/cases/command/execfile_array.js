// label: safe command
const { execFile } = require("child_process");
const express = require("express");

const app = express();

app.post("/convert", (req, res) => {
  execFile("convert", [req.body.input, "/tmp/out.png"], (err) => res.sendStatus(err ? 500 : 200));
});
