const mysql = require("mysql2/promise");

async function findUser(pool, req) {
  // expect: js-sql-injection-query-call, js-taint-sql
  const [rows] = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);
  return rows[0];
}

async function removeOrder(db, orderId) {
  // expect: js-sql-injection-query-call
  await db.execute("DELETE FROM orders WHERE id = " + orderId);
}

function searchProducts(sqlite, term, cb) {
  // expect: js-sql-injection-query-call
  sqlite.all("SELECT id, name FROM products WHERE name LIKE '%" + term + "%'", cb);
}

async function byStatus(knex, status) {
  // expect: js-sql-injection-query-call
  return knex("tickets").whereRaw(`status = '${status}'`);
}

async function rename(client, id, name) {
  // expect: js-sql-injection-query-call
  return client.query(`
    UPDATE accounts SET display_name = '${name}' WHERE id = ${id}
  `);
}

module.exports = { findUser, removeOrder, searchProducts, byStatus, rename, mysql };
