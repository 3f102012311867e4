// label: vulnerable path
const fs = require("fs");
const express = require("express");

const app = express();

app.put("/store", (req, res) => {
  const name = req.get("x-file-name");
  req.pipe(fs.createWriteStream(`/srv/store/${name}`)).on("finish", () => res.sendStatus(201));
});
