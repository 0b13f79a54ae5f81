/**
 * A short string no other row of this run has: keeps names, slugs and emails apart between tests. Digits
 * only, so random data can never match what a test searches for by letters ("ov" found Hopper when her
 * random email happened to hold it).
 */
export const unique = () => `${Date.now()}${String(Math.random()).slice(2, 8).padEnd(6, "0")}`;

/** The defaults with every override that is set; an override left undefined keeps its default. */
export function withDefaults<D extends object, O extends object>(defaults: D, overrides: O): D & O {
  return { ...defaults, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as D & O;
}
