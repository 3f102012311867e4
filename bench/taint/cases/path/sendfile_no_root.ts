// label: vulnerable path
import express from "express";
import path from "path";

const app = express();

app.get("/avatar/:name", (req, res) => {
  res.sendFile(path.resolve("/srv/avatars", req.params.name));
});
