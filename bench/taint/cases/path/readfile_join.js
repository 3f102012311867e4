// label: vulnerable path
const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();

app.get("/docs", (req, res) => {
  const file = path.join(__dirname, "docs", req.query.page);
  res.type("text/plain").send(fs.readFileSync(file, "utf8"));
});
