// label: vulnerable deserialization
import express from "express";
import yaml from "js-yaml";

const app = express();
app.use(express.text());

app.post("/config", (req, res) => {
  const config = yaml.unsafeLoad(req.body);
  res.json(config);
});
