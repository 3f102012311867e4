const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();

app.get("/files", (req, res) => {
  const file = path.join(__dirname, "uploads", req.query.name);
  // expect: js-taint-path
  fs.readFile(file, (err, data) => res.send(data));
});

app.get("/download", (req, res) => {
  // expect: js-taint-path, js-path-traversal-request
  res.download("/srv/exports/" + req.params.file);
});
