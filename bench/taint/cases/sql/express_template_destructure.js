// label: vulnerable sql
const express = require("express");
const db = require("./db");

const router = express.Router();

router.post("/notes", (req, res) => {
  const { title, owner } = req.body;
  db.query(`INSERT INTO notes (title, owner) VALUES ('${title}', '${owner}')`, () => res.sendStatus(201));
});

module.exports = router;
