const express = require("express");
const User = require("./models/user");

const app = express();

app.post("/login", async (req, res) => {
  // expect: js-nosql-injection
  const user = await User.findOne({ email: req.body.email, password: req.body.password });
  res.json({ ok: Boolean(user) });
});

app.get("/users", async (req, res) => {
  // expect: js-nosql-injection
  res.json(await User.find(req.query));
});

app.get("/orders", async (req, res) => {
  const orders = await req.db.collection("orders").find({
    // expect: js-nosql-injection
    $where: "this.customer == '" + req.query.customer + "'",
  });
  res.json(await orders.toArray());
});

module.exports = app;
