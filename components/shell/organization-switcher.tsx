import Link from "next/link";

type Org = { name: string; slug: string };

// A disclosure with one button per organisation; each posts the switch action (which checks the
// membership, remembers the choice in the session and opens the organisation). Works without JS.
export function OrganizationSwitcher({
  current,
  organizations,
  switchTo,
}: {
  current: Org;
  organizations: Org[];
  switchTo: (form: FormData) => Promise<void>;
}) {
  return (
    <details className="relative">
      <summary
        className="cursor-pointer list-none rounded-md px-2 py-1 font-medium hover:bg-slate-100"
        aria-label={`Organisation: ${current.name}. Switch organisation`}
      >
        {current.name} <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute left-0 z-10 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <p className="px-2 pb-1 text-xs font-semibold uppercase text-slate-500">Switch organisation</p>
        <form action={switchTo}>
          <ul>
            {organizations.map((org) => (
              <li key={org.slug}>
                <button
                  type="submit"
                  name="to"
                  value={org.slug}
                  aria-current={org.slug === current.slug ? "true" : undefined}
                  className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 aria-[current=true]:font-semibold"
                >
                  {org.name}
                </button>
              </li>
            ))}
          </ul>
        </form>
        <Link href="/new-organisation" className="mt-1 block border-t border-slate-100 px-2 pt-2 text-sm text-indigo-700 underline">
          Create an organisation
        </Link>
      </div>
    </details>
  );
}
