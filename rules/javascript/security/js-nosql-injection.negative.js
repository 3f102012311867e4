const express = require("express");
const User = require("./models/user");

const app = express();

app.post("/login", async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  res.json({ ok: Boolean(user) });
});

app.get("/users/:id", async (req, res) => {
  res.json(await User.findOne({ _id: req.params.id }));
});

app.get("/active", async (req, res) => {
  const active = await User.find({ $where: function () { return this.active; } });
  res.json(active);
});

module.exports = app;
