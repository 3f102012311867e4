const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();

app.get("/files", (req, res) => {
  const file = path.join(__dirname, "uploads", path.basename(req.query.name));
  fs.readFile(file, (err, data) => res.send(data));
});

app.get("/download", (req, res) => {
  // expect: js-path-traversal-request
  res.sendFile(req.params.file, { root: "/srv/exports" });
});
