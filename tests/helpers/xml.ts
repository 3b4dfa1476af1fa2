import { SaxesParser } from "saxes";

/** An element of a parsed XML document: its name, namespace, attributes, text and children. */
export interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  /** Its own character data, joined (entities decoded). */
  text: string;
  children: XmlElement[];
}

/**
 * Parses `xml` as a conforming XML 1.0 parser does (saxes, namespaces on): throws on anything
 * not well-formed, an unknown entity, a character XML forbids, an undeclared prefix.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([name, a]) => [name, a.value])),
      text: "",
      children: [],
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    if (stack.length > 0) stack.at(-1)!.text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

/** The children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The one child of `element` named `name`; throws when there is none or several. */
export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`${element.name} has ${found.length} ${name}, not one`);
  return found[0];
}
