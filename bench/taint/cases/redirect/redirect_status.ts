// label: vulnerable redirect
import express from "express";

const app = express();

app.get("/out", (req, res) => {
  res.redirect(302, String(req.query.url));
});
