"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSelectedLayoutSegment } from "next/navigation";
import type { ReactNode } from "react";
import { PROFILE_TABS, profileTabPath, tabOf } from "@/lib/coachees/profile-tabs";

/**
 * The profile's tab row and the current tab's panel: links (each tab is a URL, so back, reload and
 * sharing work), the current one marked with aria-current; on a phone the row wraps onto a second
 * line, so every tab is in sight (none hides past the screen's edge).
 */
export function ProfileTabs({ org, coacheeId, children }: { org: string; coacheeId: string; children: ReactNode }) {
  const t = useTranslations("Coachees.tabs");
  const current = tabOf(useSelectedLayoutSegment());
  return (
    <div>
      <nav aria-label={t("label")} className="mb-4 border-b border-line">
        <ul className="flex flex-wrap gap-x-1">
          {PROFILE_TABS.map((tab) => (
            <li key={tab}>
              <Link
                href={profileTabPath(org, coacheeId, tab)}
                aria-current={tab === current ? "page" : undefined}
                className="-mb-px block border-b-2 border-transparent px-3 py-2 text-sm whitespace-nowrap text-body hover:text-primary-hover aria-[current=page]:border-primary aria-[current=page]:font-semibold aria-[current=page]:text-primary-hover"
              >
                {t(tab)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="profile-tab-heading">
        <h2 id="profile-tab-heading" className="mb-3 text-lg font-semibold">
          {t(current)}
        </h2>
        {children}
      </section>
    </div>
  );
}
