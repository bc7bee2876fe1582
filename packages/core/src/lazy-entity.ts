import { Entity, type Schema } from "electrodb";
import { entityConfig } from "./dynamo";

/**
 * An ElectroDB entity built on first use. Building one parses its model (about 0.7 ms), and a Lambda imports every
 * entity its modules name though a request touches a few: built eagerly, each cold start would pay for all of them. The proxy forwards everything to the entity, built the first time any
 * property is read; methods are bound to it, so ElectroDB always sees its own instance.
 */
export function lazyEntity<T extends object>(create: () => T): T {
  let entity: T | undefined;
  const real = () => {
    entity ??= create();
    return entity;
  };
  const bound = new Map<PropertyKey, { original: unknown; fn: unknown }>();
  return new Proxy({} as T, {
    get(_, key) {
      const target = real();
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== "function") return value;
      const cached = bound.get(key);
      if (cached?.original === value) return cached.fn;
      const fn = value.bind(target);
      bound.set(key, { original: value, fn });
      return fn;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target is an empty object: report every property as configurable (proxy invariant).
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/** A table entity with the shared configuration (`entityConfig`), built on first use. */
export function defineEntity<A extends string, F extends string, C extends string, S extends Schema<A, F, C>>(schema: S) {
  return lazyEntity(() => new Entity<A, F, C, S>(schema, entityConfig()));
}
