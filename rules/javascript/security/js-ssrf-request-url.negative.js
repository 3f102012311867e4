const express = require("express");
const axios = require("axios");

const app = express();
const API = "https://api.example.com";

app.get("/users/:id", async (req, res) => {
  const reply = await axios.get(`${API}/users/${encodeURIComponent(req.params.id)}`);
  res.json(reply.data);
});

app.get("/search", async (req, res) => {
  const reply = await fetch(API + "/search?q=" + encodeURIComponent(req.query.q));
  res.json(await reply.json());
});

app.get("/status", (req, res) => {
  // expect: js-taint-xss
  res.send(req.get("user-agent"));
});

module.exports = app;
