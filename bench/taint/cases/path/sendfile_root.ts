// label: safe path
import express from "express";

const app = express();

app.get("/avatar/:name", (req, res) => {
  res.sendFile(req.params.name, { root: "/srv/avatars" });
});
