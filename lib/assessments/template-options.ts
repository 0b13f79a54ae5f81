import type { listTemplates } from "./templates";

/**
 * A template picker's choices: the coach's own first, then the organisation's (said so, in the reader's
 * words: `organisational` is Assessments.server.organisationTemplate).
 */
export function templateOptions(
  { own, organisation }: Awaited<ReturnType<typeof listTemplates>>,
  organisational: (title: string) => string,
) {
  return [
    ...own.map((t) => ({ value: t.id, label: t.title })),
    ...organisation.map((t) => ({ value: t.id, label: organisational(t.title) })),
  ];
}
