async function persist(order: { id: string }): Promise<void> {
  await fetch(`/orders/${order.id}`, { method: "PUT" });
}

function render(order: { id: string }): string {
  return order.id;
}

export async function submit(order: { id: string }): Promise<string> {
  await persist(order);
  void persist(order).catch(() => undefined);
  render(order);
  return render(order);
}

export class Cart {
  items: string[] = [];

  async clear(): Promise<void> {
    this.items = [];
    await this.save();
    this.count();
  }

  count(): number {
    return this.items.length;
  }

  async save(): Promise<void> {
    await fetch("/cart", { method: "PUT", body: JSON.stringify(this.items) });
  }
}

persist({ id: "boot" });
