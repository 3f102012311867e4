async function findUser(pool, email) {
  const [rows] = await pool.query("SELECT * FROM users WHERE email = ?", [email]);
  return rows[0];
}

async function removeOrder(db, orderId) {
  await db.execute("DELETE FROM orders WHERE id = $1", [orderId]);
}

async function byStatus(knex, status) {
  return knex("tickets").whereRaw("status = ?", [status]);
}

async function recent(prisma, since) {
  return prisma.$queryRaw`SELECT * FROM events WHERE created_at > ${since}`;
}

async function fetchPage(http, base, page) {
  return http.get(`${base}/items?page=${page}`);
}

function cacheKey(cache, id) {
  return cache.get("user:" + id);
}

module.exports = { findUser, removeOrder, byStatus, recent, fetchPage, cacheKey };
