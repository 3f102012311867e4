/**
 * Items get a warehouse location (aisle-shelf-bin, e.g. "A12-03-B").
 *
 * @param {import('knex').Knex} knex
 */
exports.up = function up(knex) {
  return knex.schema.alterTable('items', (table) => {
    table.string('location', 16).nullable();
    table.index(['location'], 'items_location_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = function down(knex) {
  return knex.schema.alterTable('items', (table) => {
    table.dropIndex(['location'], 'items_location_idx');
    table.dropColumn('location');
  });
};
