import { useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { OptionsItem, OptionsMenu } from "@/components/ui/options-menu";

/**
 * The coachee profile's quick menu: start a session, add an appointment, send a message, add an
 * assessment (assign a template) and assign questions (a one-off set for this coachee). On a phone the
 * header's actions wrap under the title, to the left edge; the menu turns to open rightwards there by
 * itself (components/ui/options-menu.tsx).
 */
export function QuickMenu({ org, coacheeId }: { org: string; coacheeId: string }) {
  const t = useTranslations("Coachees.quickMenu");
  const base = `/${org}/coachees/${coacheeId}`;
  return (
    <OptionsMenu text={t("menu")}>
      <OptionsItem>
        <TextLink href={`${base}/sessions/now`}>{t("startSession")}</TextLink>
      </OptionsItem>
      <OptionsItem>
        <TextLink href={`${base}/sessions/new`}>{t("addAppointment")}</TextLink>
      </OptionsItem>
      <OptionsItem>
        <TextLink href={`/${org}/messages/${coacheeId}`}>{t("sendMessage")}</TextLink>
      </OptionsItem>
      <OptionsItem>
        <TextLink href={`${base}/assessments/new`}>{t("addAssessment")}</TextLink>
      </OptionsItem>
      <OptionsItem>
        <TextLink href={`${base}/assessments/questions`}>{t("assignQuestions")}</TextLink>
      </OptionsItem>
    </OptionsMenu>
  );
}
