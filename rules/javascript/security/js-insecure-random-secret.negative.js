const crypto = require("crypto");

function createResetToken() {
  return crypto.randomBytes(32).toString("hex");
}

function backoff(attempt) {
  const jitter = Math.random() * 100;
  return 2 ** attempt * 100 + jitter;
}

function shuffle(items) {
  return items
    .map((item) => ({ item, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map((entry) => entry.item);
}

function sessionId() {
  return crypto.randomUUID();
}

module.exports = { createResetToken, backoff, shuffle, sessionId };
