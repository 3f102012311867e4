// label: vulnerable ssrf
import axios from "axios";
import express from "express";

const app = express();

app.get("/health", async (req, res) => {
  const host = String(req.query.host);
  const r = await axios.get("http://" + host + ":8080/health");
  res.json(r.data);
});
