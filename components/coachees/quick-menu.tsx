import { TextLink } from "@/components/ui/button";
import { OptionsItem, OptionsMenu } from "@/components/ui/options-menu";

/**
 * The coachee profile's quick menu: start a session, add an appointment, send a message, add an
 * assessment (assign a template) and assign questions (a one-off set for this coachee).
 * On a phone the header's actions wrap under the title, to the left edge, so there the menu opens
 * rightwards from its button instead of leftwards off the screen.
 */
export function QuickMenu({ org, coacheeId }: { org: string; coacheeId: string }) {
  const base = `/${org}/coachees/${coacheeId}`;
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
          <TextLink href={`${base}/assessments/new`}>Add assessment</TextLink>
        </OptionsItem>
        <OptionsItem>
          <TextLink href={`${base}/assessments/questions`}>Assign questions</TextLink>
        </OptionsItem>
      </OptionsMenu>
    </div>
  );
}
