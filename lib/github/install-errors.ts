/**
 * What /settings/github says for each `?error=<code>` the install callback (app/auth/github/install)
 * sends back. Only these texts are ever shown: the page never echoes text from its URL.
 */
export const INSTALL_ERROR_MESSAGES = {
  invalid_state: "The installation could not be confirmed: its state is missing, expired or not yours. Start again from Install.",
  invalid_installation: "GitHub sent back no valid installation id. Start again from Install.",
  installation_not_yours:
    "Your GitHub account cannot access that installation of this App: install it from your own account or an organisation you belong to.",
  installation_not_found: "GitHub does not know that installation of this App. Start again from Install.",
  github_unavailable: "GitHub could not confirm the installation; try again.",
} as const;

export type InstallErrorCode = keyof typeof INSTALL_ERROR_MESSAGES;

const UNKNOWN = "Something went wrong while confirming the installation. Start again from Install.";

/** The message for a code from the URL; anything else gets a fixed generic message. */
export function installErrorMessage(code: string): string {
  return Object.hasOwn(INSTALL_ERROR_MESSAGES, code) ? INSTALL_ERROR_MESSAGES[code as InstallErrorCode] : UNKNOWN;
}
