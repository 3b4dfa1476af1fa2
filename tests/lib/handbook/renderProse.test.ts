import { describe, expect, it } from "vitest";
import { renderProse } from "../../../src/lib/handbook/renderProse";

describe("renderProse", () => {
  const body = [
    '![A chart](./chart.png "Chart") and ![the ladder][ladder], [a link][ladder].',
    "",
    "[ladder]: ./ladder.webp 'The ladder'",
  ].join("\n");

  it("gives every image, inline or by reference, the src its URL is published at", () => {
    const html = renderProse(body, (url) => `/_images/${url.slice(2)}`);
    expect([...html.matchAll(/<img [^>]*>/g)].map(([img]) => img)).toEqual([
      '<img src="/_images/chart.png" alt="A chart" title="Chart">',
      '<img src="/_images/ladder.webp" alt="the ladder" title="The ladder">',
    ]);
    // A link through the image's definition still leads where it says.
    expect(html).toContain('<a href="./ladder.webp" title="The ladder">a link</a>');
  });

  it("keeps the URLs as written without a src for images", () => {
    expect(renderProse(body)).toContain('<img src="./chart.png" alt="A chart" title="Chart">');
  });
});
