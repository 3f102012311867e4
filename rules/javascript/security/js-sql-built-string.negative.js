async function listInvoices(db, customerId) {
  const sql = "SELECT id, total FROM invoices WHERE customer_id = $1";
  return db.query(sql, [customerId]);
}

function describe(count) {
  const message = `Selected ${count} rows from the report`;
  const hint = "select one item from " + count;
  return { message, hint };
}

function fixed() {
  const sql = `SELECT id FROM users`;
  let where = "";
  where += " AND active = 1";
  return sql + where;
}

module.exports = { listInvoices, describe, fixed };
