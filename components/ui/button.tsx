import Link from "next/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from "react";

// Every button and button-shaped link of the app takes its look from here: pages and feature
// components choose a variant and a size, never a class string of their own.

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";
export type ButtonSize = "sm" | "md";

type Look = { variant?: ButtonVariant; size?: ButtonSize; /** As wide as its container (the signed-out cards' forms). */ block?: boolean };

const VARIANT: Record<ButtonVariant, string> = {
  primary: "rounded-md bg-primary font-medium text-on-accent hover:bg-primary-hover",
  secondary: "rounded-md border border-line-strong bg-surface font-medium text-ink hover:bg-surface-sunken",
  danger: "rounded-md bg-danger font-medium text-on-accent hover:bg-danger-hover",
  // Reads as a link: the small steps of a table row (resend, cancel, mark attended).
  quiet: "text-primary underline hover:text-primary-strong",
};

const SIZE: Record<ButtonSize, string> = { sm: "px-3 py-1.5", md: "px-4 py-2" };

/** The classes of a button of this look (for the rare control that cannot be a Button or LinkButton). */
export function buttonClass({ variant = "primary", size = "md", block = false }: Look = {}): string {
  return [
    "inline-flex items-center justify-center text-center text-sm disabled:cursor-not-allowed disabled:opacity-60",
    VARIANT[variant],
    variant === "quiet" ? "" : SIZE[size],
    block ? "w-full" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A button; `type` defaults to "button", so a button that submits says so. */
export function Button({
  variant,
  size,
  block,
  type = "button",
  ...props
}: Look & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className">) {
  return <button type={type} className={buttonClass({ variant, size, block })} {...props} />;
}

/**
 * A link that looks like a button (to another page: "Invite users", "+ Participant"). With `download`
 * it is a plain link to a file (an export), which the client-side router must not try to open.
 */
export function LinkButton({
  href,
  variant,
  size,
  block,
  download,
  children,
  ...props
}: Look & { href: string; download?: boolean; children: ReactNode } & Omit<
    AnchorHTMLAttributes<HTMLAnchorElement>,
    "className" | "href" | "download"
  >) {
  return (
    <Anchor href={href} download={download} className={buttonClass({ variant, size, block })} {...props}>
      {children}
    </Anchor>
  );
}

/** A link in running text or a list ("Clear the filters", a person's name in a table). `strong` for the main link of a row. */
export function TextLink({
  href,
  download,
  strong,
  children,
  ...props
}: { href: string; download?: boolean; strong?: boolean; children: ReactNode } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  "className" | "href" | "download"
>) {
  return (
    <Anchor
      href={href}
      download={download}
      className={`${strong ? "font-medium " : ""}text-primary underline hover:text-primary-strong`}
      {...props}
    >
      {children}
    </Anchor>
  );
}

type AnchorProps = { href: string; download?: boolean; className: string; children: ReactNode } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  "className" | "href" | "download"
>;

/** A link within the app through the client-side router, or with `download` a plain link to a file, which the router must not try to open. */
function Anchor({ href, download, className, children, ...props }: AnchorProps) {
  if (download) {
    return (
      <a href={href} download className={className} {...props}>
        {children}
      </a>
    );
  }
  return (
    <Link href={href} className={className} {...props}>
      {children}
    </Link>
  );
}
