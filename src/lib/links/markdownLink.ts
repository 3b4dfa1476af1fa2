const URL_ESCAPES: Record<string, string> = { "(": "%28", ")": "%29", " ": "%20" };

/** A Markdown link to `url` reading `text`, with the characters that would break it escaped. */
export function markdownLink(text: string, url: string): string {
  const label = text.replace(/[\\[\]]/g, (character) => `\\${character}`);
  const target = url.replace(/[() ]/g, (character) => URL_ESCAPES[character]);
  return `[${label}](${target})`;
}
