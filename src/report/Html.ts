/**
 * A self-contained HTML report: sections of prose, SVG figures, tables and preformatted text,
 * inlined into one file with its own CSS (no network, no scripts).
 *
 * @since 0.1.0
 */

/** One block of a section: a paragraph, an SVG figure, a table or preformatted text. @since 0.1.0 @category model */
export type Block =
  | { readonly _tag: "Paragraph"; readonly text: string }
  | { readonly _tag: "Figure"; readonly svg: string; readonly caption: string }
  | { readonly _tag: "Table"; readonly head: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<string | number>> }
  | { readonly _tag: "Pre"; readonly text: string }

/** A titled section of the report: an anchor id, a title and its blocks. @since 0.1.0 @category model */
export interface Section {
  readonly id: string
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
}

/** A paragraph block (the text is escaped). @since 0.1.0 @category constructors */
export const paragraph = (text: string): Block => ({ _tag: "Paragraph", text })
/** A figure block: an inline SVG picture with its caption. @since 0.1.0 @category constructors */
export const figure = (svg: string, caption: string): Block => ({ _tag: "Figure", svg, caption })
/** A table block: a header row and rows of cells. @since 0.1.0 @category constructors */
export const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>): Block => ({ _tag: "Table", head, rows })
/** A preformatted text block (the text is escaped). @since 0.1.0 @category constructors */
export const pre = (text: string): Block => ({ _tag: "Pre", text })

/**
 * Escapes text for HTML.
 *
 * @example
 * import { escapeHtml } from "catcluster/report"
 * escapeHtml(`<a href="x">&</a>`) // "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
 *
 * @since 0.1.0
 * @category rendering
 */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** Drops an XML prolog so an SVG document can be inlined. */
const inlineSvg = (svg: string) => svg.replace(/^<\?xml[^>]*>\s*/, "")

const renderBlock = (b: Block): string => {
  switch (b._tag) {
    case "Paragraph":
      return `<p>${escapeHtml(b.text)}</p>`
    case "Figure":
      return `<figure>${inlineSvg(b.svg)}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`
    case "Table":
      return `<table><thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`
    case "Pre":
      return `<pre>${escapeHtml(b.text)}</pre>`
  }
}

const css = `body{font:15px/1.5 system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1d2330}
h1{font-size:1.7em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
figure{margin:1em 0;overflow-x:auto}figure svg{max-width:100%;height:auto}figcaption{color:#555;font-size:.9em}
table{border-collapse:collapse;font-size:.88em;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f5f8}pre{background:#f6f8fa;padding:.8em;overflow-x:auto;font-size:.85em}
nav a{margin-right:1em}`

/**
 * The whole report as one HTML string.
 *
 * @example
 * import { paragraph, renderReport, table } from "catcluster/report"
 * const html = renderReport("Demo", "What this report shows.", [
 *   { id: "sizes", title: "Sizes", blocks: [paragraph("Two nodes."), table(["node", "cpu"], [["n1", 4], ["n2", 8]])] },
 * ])
 * html.startsWith("<!doctype html>") // true
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderReport = (title: string, intro: string, sections: ReadonlyArray<Section>): string =>
  [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${css}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<nav>${sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join("")}</nav>`,
    ...sections.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(renderBlock).join("\n")}</section>`),
    "</body></html>",
  ].join("\n")
