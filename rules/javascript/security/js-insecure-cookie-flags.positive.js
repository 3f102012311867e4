const express = require("express");
const session = require("express-session");

const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    cookie: {
      // expect: js-insecure-cookie-flags
      httpOnly: false,
      // expect: js-insecure-cookie-flags
      secure: false,
      maxAge: 3600000,
    },
  })
);

app.post("/login", (req, res) => {
  // expect: js-insecure-cookie-flags
  res.cookie("remember", req.user.id, { secure: false, sameSite: "lax" });
  res.sendStatus(204);
});

module.exports = app;
