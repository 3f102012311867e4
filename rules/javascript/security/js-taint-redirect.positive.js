const express = require("express");

const app = express();

app.get("/login/done", (req, res) => {
  // expect: js-taint-redirect, js-open-redirect
  res.redirect(req.query.next);
});
