import "server-only";

type SingletonStore = typeof globalThis & { [key: symbol]: unknown };

/**
 * The one value of `key` in this process, made by `create` on first use. Next loads a module into
 * several bundles (instrumentation, routes, pages), each with its own module scope; globalThis is the
 * one thing they share, so the value lives there under a `Symbol.for` key.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const symbol = Symbol.for(key);
  const store: SingletonStore = globalThis;
  if (!(symbol in store)) store[symbol] = create();
  // Only this function writes under the key, always with what `create` returned.
  return store[symbol] as T;
}

/** A value that start-up sets once and every bundle reads; reading it before it is set throws `missing`. */
export function processSlot<T>(key: string, missing: string) {
  const holder = processSingleton(key, (): { value?: T } => ({}));
  return {
    set(value: T | undefined) {
      holder.value = value;
    },
    get(): T {
      if (holder.value === undefined) throw new Error(missing);
      return holder.value;
    },
  };
}
