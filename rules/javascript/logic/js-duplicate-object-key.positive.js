export const defaults = {
  timeout: 30,
  retries: 3,
  // expect: js-duplicate-object-key
  timeout: 60,
};

export const headers = {
  "content-type": "application/json",
  accept: "application/json",
  // expect: js-duplicate-object-key
  'content-type': "text/plain",
};
