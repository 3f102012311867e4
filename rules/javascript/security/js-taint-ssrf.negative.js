const axios = require("axios");
const express = require("express");

const app = express();

app.get("/user", async (req, res) => {
  const user = await axios.get(`https://api.example.com/users/${encodeURIComponent(req.query.id)}`);
  res.json(user.data);
});
