import fs from "node:fs";

export async function syncInventory(items: string[], api: string): Promise<Response> {
  await fetch(`${api}/inventory/lock`, { method: "POST" });
  const responses = await Promise.all(items.map((id) => fetch(`${api}/items/${id}`)));
  void fetch(`${api}/metrics`, { method: "POST" }).catch(() => undefined);
  fetch(`${api}/audit`).then((r) => r.ok).catch(() => false);
  fs.writeFileSync("inventory.json", JSON.stringify(items));
  return responses[0];
}
