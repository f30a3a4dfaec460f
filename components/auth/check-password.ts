/**
 * Checks a new password in the browser before it is sent, with the rule the
 * server applies (lib/validations/password-strength.ts), so the reason shows
 * under the field at once. The rule's dictionaries weigh a few megabytes:
 * they are fetched on first use, not with the page.
 */
export async function checkPasswordInBrowser(password: string, person: { email: string; name: string }): Promise<string | null> {
  try {
    const { passwordProblem } = await import("@/lib/validations/password-strength");
    return passwordProblem(password, [person.email, person.name]);
  } catch {
    return null; // the check could not be loaded: the server still makes it
  }
}
