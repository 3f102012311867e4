const axios = require("axios");
const express = require("express");

const app = express();

app.get("/preview", async (req, res) => {
  // expect: js-taint-ssrf, js-ssrf-request-url
  const page = await axios.get(req.query.url);
  res.json({ length: page.data.length });
});
