import type { listTemplates } from "./templates";

/** A template picker's choices: the coach's own first, then the organisation's (said so). */
export function templateOptions({ own, organisation }: Awaited<ReturnType<typeof listTemplates>>) {
  return [
    ...own.map((t) => ({ value: t.id, label: t.title })),
    ...organisation.map((t) => ({ value: t.id, label: `${t.title} (organisation)` })),
  ];
}
