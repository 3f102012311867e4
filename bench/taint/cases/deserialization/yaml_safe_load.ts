// label: safe deserialization
import express from "express";
import yaml from "js-yaml";

const app = express();
app.use(express.text());

app.post("/config", (req, res) => {
  const config = yaml.load(req.body, { schema: yaml.JSON_SCHEMA });
  res.json(config);
});
