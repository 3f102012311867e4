export const defaults = {
  timeout: 30,
  retries: 3,
  readTimeout: 60,
};

export const overrides = { ...defaults, timeout: 60 };

export const nested = {
  a: { id: 1 },
  b: { id: 2 },
};

export const accessors = {
  get size() {
    return 1;
  },
  set size(value) {
    this.value = value;
  },
};
