import fs from "node:fs";

export async function syncInventory(items: string[], api: string): Promise<void> {
  // expect: js-floating-promise
  fetch(`${api}/inventory/lock`, { method: "POST" });
  // expect: js-floating-promise
  Promise.all(items.map((id) => fetch(`${api}/items/${id}`)));
  // expect: js-floating-promise
  fs.promises.writeFile("inventory.json", JSON.stringify(items));
}
