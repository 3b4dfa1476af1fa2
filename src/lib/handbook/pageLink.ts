/** A link as a page shows it: where it goes and the words it shows. */
export interface PageLink {
  href: string;
  text: string;
}
