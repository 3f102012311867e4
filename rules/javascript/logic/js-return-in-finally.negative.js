export async function saveOrder(db, order) {
  try {
    await db.insert(order);
  } finally {
    await db.release();
  }
  return true;
}

export function readConfig(store, key, listeners) {
  try {
    return store.read(key);
  } finally {
    listeners.forEach((listener) => {
      if (!listener.active) {
        return;
      }
      listener.notify(key);
    });
  }
}
