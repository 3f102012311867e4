// label: vulnerable command
import { execSync } from "child_process";
import express from "express";

const app = express();

app.get("/dig", (req, res) => {
  const domain = String(req.query.domain);
  const out = execSync("dig +short " + domain).toString();
  res.type("text/plain").send(out);
});
