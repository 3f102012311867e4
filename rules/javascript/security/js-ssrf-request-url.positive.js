const express = require("express");
const axios = require("axios");
const http = require("http");

const app = express();

app.get("/preview", async (req, res) => {
  // expect: js-ssrf-request-url, js-taint-ssrf
  const page = await fetch(req.query.url);
  res.send(await page.text());
});

app.post("/webhook-test", async (req, res) => {
  // expect: js-ssrf-request-url, js-taint-ssrf
  const reply = await axios.post(req.body.callbackUrl, { ping: true });
  res.json({ status: reply.status });
});

app.get("/health", (req, res) => {
  // expect: js-ssrf-request-url, js-taint-ssrf
  http.get(`http://${req.query.host}:8080/health`, (upstream) => upstream.pipe(res));
});

module.exports = app;
