/**
 * @param {import('knex').Knex} knex
 */
exports.up = function up(knex) {
  return knex.schema.createTable('items', (table) => {
    table.increments('id').primary();
    table.string('sku', 32).notNullable().unique();
    table.string('name', 200).notNullable();
    table.integer('quantity').notNullable().defaultTo(0);
    table.integer('price_cents').notNullable();
    table.timestamps(true, true);
    table.check('?? >= 0', ['quantity'], 'items_quantity_non_negative');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = function down(knex) {
  return knex.schema.dropTable('items');
};
