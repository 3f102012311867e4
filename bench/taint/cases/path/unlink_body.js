// label: vulnerable path
const fs = require("fs/promises");
const express = require("express");

const app = express();
app.use(express.json());

app.delete("/upload", async (req, res) => {
  await fs.unlink("/srv/uploads/" + req.body.name);
  res.sendStatus(204);
});
