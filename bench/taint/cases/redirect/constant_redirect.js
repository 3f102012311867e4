// label: safe redirect
const express = require("express");

const app = express();

app.get("/logout", (req, res) => {
  req.session = null;
  res.redirect("/login?bye=" + (req.query.reason ? "1" : "0"));
});
