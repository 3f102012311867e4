// label: safe path
const fs = require("fs");
const express = require("express");

const app = express();

app.get("/robots.txt", (req, res) => {
  const agent = req.get("user-agent");
  res.type("text/plain").send(fs.readFileSync("/srv/static/robots.txt", "utf8") + "\n# " + agent.length);
});
