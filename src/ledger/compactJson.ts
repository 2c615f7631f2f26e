/**
 * JSON for people: a value goes on one line when it fits, otherwise its members go one per line
 * (arrays of plain values are packed several to a line). The result parses back to the same
 * value as `JSON.stringify(value)`; only the whitespace differs.
 *
 * @since 0.1.0
 */

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

const isPlain = (v: Json): boolean => v === null || typeof v !== "object"

/** One line, a space after each comma and colon. */
const oneLine = (v: Json): string =>
  isPlain(v)
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${(v as ReadonlyArray<Json>).map(oneLine).join(", ")}]`
      : `{${Object.entries(v as { readonly [k: string]: Json }).map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`).join(", ")}}`

/**
 * `value` as JSON, lines at most `width` characters where a value allows it. Bigints are written
 * as decimal strings and functions dropped, as the ledger's other JSON does.
 *
 * @example
 * import { compactJson } from "catcluster/ledger"
 * compactJson({ a: [1, 2, 3], b: { c: "x" } }) // '{"a": [1, 2, 3], "b": {"c": "x"}}'
 *
 * @since 0.1.0
 * @category destructors
 */
export const compactJson = (value: unknown, width = 100): string => {
  const text = JSON.stringify(value, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : typeof x === "function" ? undefined : x))
  if (text === undefined) return "null"
  const render = (v: Json, indent: string, room: number): string => {
    const flat = oneLine(v)
    if (flat.length <= room || isPlain(v)) return flat
    const inner = indent + "  "
    if (Array.isArray(v)) {
      const items = v as ReadonlyArray<Json>
      if (items.every(isPlain)) {
        // pack plain items onto lines of the available width
        const lines: string[] = []
        let line = ""
        for (const item of items.map(oneLine)) {
          if (line !== "" && inner.length + line.length + 2 + item.length + 1 > width) {
            lines.push(line + ",")
            line = ""
          }
          line = line === "" ? item : `${line}, ${item}`
        }
        if (line !== "") lines.push(line)
        return `[\n${lines.map((l) => inner + l).join("\n")}\n${indent}]`
      }
      return `[\n${items.map((x) => inner + render(x, inner, width - inner.length - 1)).join(",\n")}\n${indent}]`
    }
    return `{\n${Object.entries(v as { readonly [k: string]: Json })
      .map(([k, x]) => {
        const key = `${JSON.stringify(k)}: `
        return inner + key + render(x, inner, width - inner.length - key.length - 1)
      })
      .join(",\n")}\n${indent}}`
  }
  return render(JSON.parse(text) as Json, "", width)
}
