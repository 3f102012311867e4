// label: safe path
const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();

app.get("/docs", (req, res) => {
  const file = path.join(__dirname, "docs", path.basename(req.query.page));
  res.type("text/plain").send(fs.readFileSync(file, "utf8"));
});
