// label: safe deserialization
const express = require("express");

const app = express();

app.get("/prefs", (req, res) => {
  const prefs = JSON.parse(Buffer.from(req.cookies.prefs, "base64").toString());
  res.json({ theme: prefs.theme });
});
