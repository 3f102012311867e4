// label: vulnerable xss
const Koa = require("koa");

const app = new Koa();

app.use(async (ctx) => {
  const who = ctx.query.who || "world";
  ctx.type = "html";
  ctx.body = "<h1>Hi " + who + "</h1>";
});
