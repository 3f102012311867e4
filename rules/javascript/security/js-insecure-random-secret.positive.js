function createResetToken() {
  // expect: js-insecure-random-secret
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

function issueSession(user) {
  // expect: js-insecure-random-secret
  const sessionId = Math.floor(Math.random() * 1e16).toString(16);
  return { user, sessionId };
}

function temporaryPassword(length) {
  const chars = "abcdefghijkmnpqrstuvwxyz23456789";
  let out = "";
  for (let i = 0; i < length; i++) {
    // expect: js-insecure-random-secret
    out += chars[Math.floor(Math.random() * chars.length)];
  }
  return out;
}

function invite(email) {
  return {
    email,
    // expect: js-insecure-random-secret
    inviteCode: String(Math.random()).substring(2, 10),
  };
}

module.exports = { createResetToken, issueSession, temporaryPassword, invite };
