/** A short string no other row of this run has: keeps names, slugs and emails apart between tests. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The defaults with every override that is set; an override left undefined keeps its default. */
export function withDefaults<D extends object, O extends object>(defaults: D, overrides: O): D & O {
  return { ...defaults, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as D & O;
}
