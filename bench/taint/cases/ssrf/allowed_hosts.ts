// label: safe ssrf
import axios from "axios";
import express from "express";

const app = express();
const HOSTS = new Set(["https://a.example.com/", "https://b.example.com/"]);

app.get("/mirror", async (req, res) => {
  const base = String(req.query.base);
  if (!HOSTS.has(base)) {
    return res.sendStatus(400);
  }
  const r = await axios.get(base + "index.json");
  res.json(r.data);
});
