export function draftFrom(order) {
  // expect: js-json-deep-clone
  const draft = JSON.parse(JSON.stringify(order));
  draft.status = "draft";
  return draft;
}
