import { EmailButton, EmailLayout } from "./layout";

export type SignUpExistingProps = { firstName: string; signInUrl: string; resetUrl: string };

export const subject = () => "Someone tried to sign up to Pathwise with your email address";

// Goes to an address that already has an account instead of a confirmation link: it carries no token,
// so it neither proves nor grants anything; it only tells the owner where to go.
export function Body({ firstName, signInUrl, resetUrl }: SignUpExistingProps) {
  return (
    <EmailLayout preview="You already have a Pathwise account">
      <p>Hello {firstName || "there"},</p>
      <p>
        Someone tried to create a new Pathwise organisation with this email address, which already has an account (or an invitation
        waiting). Nothing was created.
      </p>
      <p>
        If it was you, sign in instead. To start another organisation, sign in and choose &ldquo;Create an organisation&rdquo; from the
        organisation menu.
      </p>
      <EmailButton href={signInUrl}>Sign in</EmailButton>
      <p>Forgot your password? Choose a new one at {resetUrl}</p>
      <p>If it was not you, ignore this email: your account has not changed.</p>
    </EmailLayout>
  );
}
