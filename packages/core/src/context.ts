import { AsyncLocalStorage } from "node:async_hooks";

/** A typed AsyncLocalStorage slot: `with` runs code inside a value, `use` reads it and throws when missing. */
export function createContext<T>(name: string) {
  const storage = new AsyncLocalStorage<T>();
  return {
    use(): T {
      const value = storage.getStore();
      if (value === undefined) throw new Error(`No ${name} in context`);
      return value;
    },
    peek(): T | undefined {
      return storage.getStore();
    },
    with<R>(value: T, fn: () => R): R {
      return storage.run(value, fn);
    },
  };
}
