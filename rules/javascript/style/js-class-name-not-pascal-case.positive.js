// expect: js-class-name-not-pascal-case
export class userStore {
  constructor() {
    this.users = new Map();
  }
}

// expect: js-class-name-not-pascal-case
export const cache = class lruCache {};
