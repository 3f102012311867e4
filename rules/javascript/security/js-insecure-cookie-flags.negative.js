const express = require("express");
const session = require("express-session");
const nodemailer = require("nodemailer");

const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    cookie: { httpOnly: true, secure: true, sameSite: "strict" },
  })
);

const mailer = nodemailer.createTransport({ host: "smtp.internal", port: 587, secure: false });

app.post("/login", (req, res) => {
  res.cookie("remember", req.user.id, { secure: true, httpOnly: true });
  res.sendStatus(204);
});

module.exports = { app, mailer };
