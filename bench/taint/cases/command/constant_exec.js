// label: safe command
const { exec } = require("child_process");
const express = require("express");

const app = express();

app.get("/uptime", (req, res) => {
  const pretty = req.query.pretty === "1";
  exec(pretty ? "uptime -p" : "uptime", (err, out) => res.type("text").send(out));
});
