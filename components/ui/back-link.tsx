import { TextLink } from "./button";

/** The way back up: the page a detail page belongs to, above its heading. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="text-sm">
      <TextLink href={href}>{children}</TextLink>
    </p>
  );
}
