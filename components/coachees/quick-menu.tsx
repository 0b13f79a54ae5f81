import { TextLink } from "@/components/ui/button";
import { OptionsItem, OptionsMenu } from "@/components/ui/options-menu";
import { profileTabHref } from "./profile-tabs";

/**
 * The coachee profile's quick menu: start a session, add an appointment, send a message, and the two
 * assessment entries, which say that they come with assessments and lead to the tab that explains.
 * On a phone the header's actions wrap under the title, to the left edge, so there the menu opens
 * rightwards from its button instead of leftwards off the screen.
 */
export function QuickMenu({ org, coacheeId }: { org: string; coacheeId: string }) {
  const base = `/${org}/coachees/${coacheeId}`;
  const assessments = profileTabHref(org, coacheeId, "assessments");
  return (
    <div className="max-sm:[&_ul]:right-auto max-sm:[&_ul]:left-0">
      <OptionsMenu text="Quick menu">
        <OptionsItem>
          <TextLink href={`${base}/sessions/now`}>Start a session now</TextLink>
        </OptionsItem>
        <OptionsItem>
          <TextLink href={`${base}/sessions/new`}>Add an appointment</TextLink>
        </OptionsItem>
        <OptionsItem>
          <TextLink href={`/${org}/messages/${coacheeId}`}>Send a message</TextLink>
        </OptionsItem>
        <OptionsItem>
          <TextLink href={assessments}>Add assessment (coming with assessments)</TextLink>
        </OptionsItem>
        <OptionsItem>
          <TextLink href={assessments}>Assign questions (coming with assessments)</TextLink>
        </OptionsItem>
      </OptionsMenu>
    </div>
  );
}
