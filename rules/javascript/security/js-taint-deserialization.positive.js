const serialize = require("node-serialize");
const express = require("express");

const app = express();

app.get("/profile", (req, res) => {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // expect: js-taint-deserialization, js-unsafe-deserialization
  const profile = serialize.unserialize(raw);
  res.json({ name: profile.name });
});
