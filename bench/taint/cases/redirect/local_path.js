// label: safe redirect
const express = require("express");

const app = express();

app.get("/u", (req, res) => {
  res.redirect("/users/" + encodeURIComponent(req.query.name));
});
