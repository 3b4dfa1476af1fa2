import type { LinkVerdict } from "./checkHandbookUrl";

/** A link that works, and what it leads to. */
export const ok = (message: string): LinkVerdict => ({ status: "ok", message, suggestions: [] });

/** A link that leads nowhere, with why and the links it probably meant. */
export const broken = (message: string, suggestions: string[] = []): LinkVerdict => ({
  status: "broken",
  message,
  suggestions,
});

/** A message and its hint ("did you mean …"), when there is one. */
export const withHint = (message: string, hint: string) => (hint ? `${message}: ${hint}` : message);
