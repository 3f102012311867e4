async function persist(order: { id: string }): Promise<void> {
  await fetch(`/orders/${order.id}`, { method: "PUT" });
}

export function submit(order: { id: string }): void {
  // expect: js-missing-await-local-async
  persist(order);
}

export class Cart {
  items: string[] = [];

  clear(): void {
    this.items = [];
    // expect: js-missing-await-local-async
    this.save();
  }

  async save(): Promise<void> {
    await fetch("/cart", { method: "PUT", body: JSON.stringify(this.items) });
  }
}
