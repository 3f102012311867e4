const express = require("express");
const fs = require("fs");
const path = require("path");

const app = express();
const UPLOADS = path.join(__dirname, "uploads");

app.get("/files/:name", (req, res) => {
  res.sendFile(path.join(UPLOADS, path.basename(req.params.name)));
});

app.get("/report", (req, res) => {
  fs.readFile(path.join(__dirname, "report.csv"), "utf8", (err, data) => {
    if (err) return res.status(500).send(req.query.format);
    res.send(data);
  });
});

app.get("/logo", (req, res) => {
  res.sendFile("logo.png", { root: UPLOADS });
});

module.exports = app;
