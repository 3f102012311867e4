// label: vulnerable ssrf
const http = require("http");
const express = require("express");

const app = express();
app.use(express.json());

app.post("/hook", (req, res) => {
  http.get(req.body.callback, (r) => res.sendStatus(r.statusCode));
});
