// label: safe path
const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();
const BASE = path.resolve("/srv/files");

app.get("/file", (req, res) => {
  const target = path.resolve(BASE, req.query.name);
  if (!target.startsWith(BASE + path.sep)) {
    return res.sendStatus(403);
  }
  fs.createReadStream(target).pipe(res);
});
