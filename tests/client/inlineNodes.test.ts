import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInlineMarkdown, plainText } from "../../src/lib/text/inlineMarkdown";
import { inlineDomNodes, type InlineDocument } from "../../src/scripts/inlineNodes";
import { markdownishText } from "../helpers/markdownReadBack";

/** A stand-in DOM node: an element with its tag and children, or a text node. */
type FakeNode =
  { tag: string; children: FakeNode[]; append(...children: FakeNode[]): void } | { text: string };

const fakeDocument: InlineDocument<FakeNode> = {
  createElement: (tag) => {
    const children: FakeNode[] = [];
    return { tag, children, append: (...more: FakeNode[]) => void children.push(...more) };
  },
  createTextNode: (text) => ({ text }),
};

/** The nodes as markup, every text shown as JSON so nothing in it can pass for a tag. */
const markup = (nodes: FakeNode[]): string =>
  nodes
    .map((node) =>
      "text" in node ? JSON.stringify(node.text) : `<${node.tag}>${markup(node.children)}</${node.tag}>`,
    )
    .join("");
const textContent = (nodes: FakeNode[]): string =>
  nodes
    .map((node) => ("text" in node ? node.text : node.tag === "br" ? "\n" : textContent(node.children)))
    .join("");
const tags = (nodes: FakeNode[]): string[] =>
  nodes.flatMap((node) => ("text" in node ? [] : [node.tag, ...tags(node.children)]));
const render = (text: string) => inlineDomNodes(parseInlineMarkdown(text).nodes, fakeDocument);

describe("inlineDomNodes", () => {
  it("makes an element of emphasis, strong, code and line breaks, and shows links as their text", () => {
    expect(markup(render('**Adopts**: _new_ `</script>` [the guide](https://example.com "T")  \nnext'))).toBe(
      '<strong>"Adopts"</strong>": "<em>"new"</em>" "<code>"</script>"</code>" the guide"<br></br>"next"',
    );
  });

  it("keeps escaped markup a text node", () => {
    expect(markup(render("\\<script>alert(1)\\</script> &lt;b&gt;"))).toBe(
      JSON.stringify("<script>alert(1)</script> <b>"),
    );
  });

  it("shows the words a reader sees, for any text", () => {
    fc.assert(
      fc.property(markdownishText, (text) => {
        const nodes = render(text);
        expect(textContent(nodes)).toBe(plainText(text));
        for (const tag of tags(nodes)) expect(["em", "strong", "code", "br"]).toContain(tag);
      }),
    );
  });
});
