import Link from "next/link";
import { useTranslations } from "next-intl";
import { MenuPopover } from "@/components/ui/options-menu";

type Org = { name: string; slug: string };

// A menu (the app's one menu popover, so nothing clips it) with one button per organisation; each posts
// the switch action (which checks the membership, remembers the choice in the session and opens the
// organisation). Works without JS.
export function OrganizationSwitcher({
  current,
  organizations,
  switchTo,
}: {
  current: Org;
  organizations: Org[];
  switchTo: (form: FormData) => Promise<void>;
}) {
  const t = useTranslations("Shell");
  return (
    <MenuPopover
      text={
        <>
          {current.name} <span aria-hidden="true">▾</span>
        </>
      }
      label={t("currentOrganisation", { name: current.name })}
      buttonClassName="cursor-pointer rounded-md px-2 py-1 text-start font-medium hover:bg-surface-sunken"
      panelClassName="w-64"
    >
      <p className="px-2 pb-1 text-xs font-semibold uppercase text-faint">{t("switchOrganisation")}</p>
      <form action={switchTo}>
        <ul>
          {organizations.map((org) => (
            <li key={org.slug}>
              <button
                type="submit"
                name="to"
                value={org.slug}
                aria-current={org.slug === current.slug ? "true" : undefined}
                className="block w-full rounded px-2 py-1.5 text-start text-sm hover:bg-surface-sunken aria-[current=true]:font-semibold"
              >
                {org.name}
              </button>
            </li>
          ))}
        </ul>
      </form>
      <Link href="/new-organisation" className="mt-1 block border-t border-line-soft px-2 pt-2 text-sm text-primary underline">
        {t("createOrganisation")}
      </Link>
    </MenuPopover>
  );
}
