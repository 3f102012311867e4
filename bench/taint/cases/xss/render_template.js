// label: safe xss
const express = require("express");

const app = express();
app.set("view engine", "pug");

app.get("/profile", (req, res) => {
  res.render("profile", { name: req.query.name });
});
