export function draftFrom(order, raw) {
  const draft = structuredClone(order);
  draft.status = "draft";
  const payload = JSON.stringify(draft);
  const parsed = JSON.parse(raw);
  return { draft, payload, parsed };
}
