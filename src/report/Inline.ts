/**
 * The inline Markdown the report's prose uses (`code`, *emphasis*, **strong**, [links](url) and
 * backslash escapes), rendered to escaped HTML. Block structure (headings, lists) is not Markdown
 * here: the report has its own blocks.
 *
 * @since 0.1.0
 */

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

// Markdown's escapable punctuation: a backslash before one of these is dropped.
const ESCAPABLE = "\\`*_{}[]()#+-.!|<>~"

/** Only these URL schemes (or a relative/fragment link) become links; anything else stays text. */
const SAFE_URL = /^(https?:|mailto:|#|\.{0,2}\/|[\w.-]+(\/|$|#))/i

/** The position of the closing delimiter of an emphasis run opened at `from`, or -1. */
const closing = (s: string, from: number, delimiter: string): number => {
  for (let j = from; j <= s.length - delimiter.length; j++) {
    if (s[j] === "\\") {
      j++
      continue
    }
    if (s[j] === "`") {
      const end = s.indexOf("`", j + 1)
      if (end < 0) return -1
      j = end
      continue
    }
    if (s.startsWith(delimiter, j) && j > from && !/\s/.test(s[j - 1]!) && (delimiter.length === 2 || s[j + 1] !== "*")) {
      // a closing `*` is not followed by a word character (`2*3*4` is arithmetic, not emphasis)
      if (!/\w/.test(s[j + delimiter.length] ?? "")) return j
    }
  }
  return -1
}

/**
 * Inline Markdown to HTML: text is escaped, `code` becomes `<code>`, `*x*` / `_x_` `<em>`,
 * `**x**` `<strong>`, `[text](url)` a link (http, https, mailto or relative only), and `\*` a
 * literal asterisk. Unmatched delimiters stay as written.
 *
 * @example
 * import { inlineMarkdown } from "catcluster/report"
 * inlineMarkdown("run `catcluster check` on the *set* <x>")
 * // "run <code>catcluster check</code> on the <em>set</em> &lt;x&gt;"
 *
 * @since 0.1.0
 * @category rendering
 */
export const inlineMarkdown = (s: string): string => {
  let out = ""
  let text = ""
  const flush = () => {
    out += escapeHtml(text)
    text = ""
  }
  let i = 0
  while (i < s.length) {
    const c = s[i]!
    if (c === "\\" && i + 1 < s.length && ESCAPABLE.includes(s[i + 1]!)) {
      text += s[i + 1]
      i += 2
      continue
    }
    if (c === "`") {
      const end = s.indexOf("`", i + 1)
      if (end > i + 1) {
        flush()
        out += `<code>${escapeHtml(s.slice(i + 1, end))}</code>`
        i = end + 1
        continue
      }
    }
    if (c === "*" && s[i + 1] === "*" && i + 2 < s.length && !/\s/.test(s[i + 2]!)) {
      const end = closing(s, i + 2, "**")
      if (end > 0) {
        flush()
        out += `<strong>${inlineMarkdown(s.slice(i + 2, end))}</strong>`
        i = end + 2
        continue
      }
    }
    if ((c === "*" || c === "_") && i + 1 < s.length && !/\s/.test(s[i + 1]!) && !/\w/.test(s[i - 1] ?? "")) {
      const end = closing(s, i + 1, c)
      if (end > 0) {
        flush()
        out += `<em>${inlineMarkdown(s.slice(i + 1, end))}</em>`
        i = end + 1
        continue
      }
    }
    if (c === "[") {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(s.slice(i))
      if (link !== null && SAFE_URL.test(link[2]!)) {
        flush()
        out += `<a href="${escapeHtml(link[2]!)}">${inlineMarkdown(link[1]!)}</a>`
        i += link[0].length
        continue
      }
    }
    text += c
    i++
  }
  flush()
  return out
}
