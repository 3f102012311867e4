// label: safe ssrf
const express = require("express");

const app = express();

app.get("/weather", async (req, res) => {
  const units = req.query.units === "f" ? "imperial" : "metric";
  const r = await fetch("https://weather.example.com/v1/today?units=" + units);
  res.json(await r.json());
});
