// label: safe command
import { spawn } from "child_process";
import express from "express";

const app = express();

app.get("/tail", (req, res) => {
  const child = spawn("tail", ["-n", "50", String(req.query.file)]);
  child.stdout.pipe(res);
});
