const express = require("express");
const fs = require("fs");
const path = require("path");

const app = express();
const UPLOADS = path.join(__dirname, "uploads");

app.get("/files/:name", (req, res) => {
  // expect: js-path-traversal-request, js-taint-path
  res.sendFile(path.join(UPLOADS, req.params.name));
});

app.get("/download", (req, res) => {
  // expect: js-path-traversal-request, js-taint-path
  res.download(UPLOADS + "/" + req.query.file);
});

app.get("/report", (req, res) => {
  // expect: js-path-traversal-request, js-taint-path
  fs.readFile(`./reports/${req.query.id}.csv`, "utf8", (err, data) => {
    if (err) return res.status(404).end();
    res.type("text/csv").send(data);
  });
});

app.delete("/avatars", (req, res) => {
  // expect: js-path-traversal-request, js-taint-path
  fs.unlinkSync(req.body.path);
  res.sendStatus(204);
});

module.exports = app;
