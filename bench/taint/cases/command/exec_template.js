// label: vulnerable command
const { exec } = require("child_process");
const express = require("express");

const app = express();

app.post("/convert", (req, res) => {
  exec(`convert ${req.body.input} /tmp/out.png`, (err) => res.sendStatus(err ? 500 : 200));
});
