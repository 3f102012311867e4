export async function saveOrder(db, order) {
  try {
    await db.insert(order);
  } finally {
    await db.release();
    // expect: js-return-in-finally
    return true;
  }
}

export function readConfig(store, key) {
  try {
    return store.read(key);
  } finally {
    if (store.dirty) {
      // expect: js-return-in-finally
      return null;
    }
  }
}
