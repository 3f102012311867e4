async function listInvoices(db, customerId, sort) {
  // expect: js-sql-built-string
  const sql = `SELECT id, total FROM invoices WHERE customer_id = ${customerId}`;
  let query = sql;
  if (sort) {
    // expect: js-sql-built-string
    query += " ORDER BY " + sort;
  }
  return db.query(query);
}

function loginQuery(username, password) {
  let q;
  // expect: js-sql-built-string
  q = "SELECT * FROM users WHERE name = '" + username + "' AND pass = '" + password + "'";
  return q;
}

function insertStatement(table, name) {
  // expect: js-sql-built-string
  const stmt = "INSERT INTO audit_log (actor) VALUES ('" + name + "')";
  return { table, stmt };
}

module.exports = { listInvoices, loginQuery, insertStatement };
