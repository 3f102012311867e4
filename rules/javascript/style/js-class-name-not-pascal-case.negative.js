export class UserStore {
  constructor() {
    this.users = new Map();
  }
}

export class _InternalQueue {}

export const LruCache = class {};

export function userStore() {
  return new UserStore();
}
