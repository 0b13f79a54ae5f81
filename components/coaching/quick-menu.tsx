import { TextLink } from "@/components/ui/button";
import { OptionsItem, OptionsMenu } from "@/components/ui/options-menu";
import { profileTabHref } from "./profile-tabs";

/**
 * The coachee profile's quick menu: start a session, add an appointment, send a message, and the two
 * assessment entries, which say that they come with assessments and lead to the tab that explains.
 * Kept at the right edge on a phone too, where the header's actions wrap under the title, so the menu
 * (which opens leftwards from its button) stays on the screen.
 */
export function QuickMenu({ org, coacheeId }: { org: string; coacheeId: string }) {
  const base = `/${org}/coachees/${coacheeId}`;
  const assessments = profileTabHref(org, coacheeId, "assessments");
  return (
    <div className="flex w-full justify-end sm:w-auto">
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
