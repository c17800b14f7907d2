// The few DOM shapes the harness reads inside the page. The project compiles without the DOM library (it is a Node
// and VS Code extension project), so functions passed to Playwright's evaluate describe the elements they touch here.
// Such functions run in the page: they must not call anything defined outside them, nor declare named functions
// (tsx wraps those in a `__name` helper that does not exist in the page).

/** An element of the workbench page, as far as the harness reads it. */
export interface PageElement {
  readonly textContent: string | null;
  readonly dataset: Readonly<Record<string, string | undefined>>;
  readonly classList: { contains(name: string): boolean };
  readonly style: { readonly top: string };
  readonly ownerDocument: { readonly activeElement: PageElement | null };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  closest(selector: string): PageElement | null;
}


/** Page expression that resolves after two animation frames, once the workbench has rendered the last input. */
export const afterTwoFrames = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))';
