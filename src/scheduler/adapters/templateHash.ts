/**
 * Deterministic names and identities for the objects controllers would create.
 *
 * `pod-template-hash`: the Deployment controller hashes the pod template with FNV-32a
 * (`controller.ComputeHash`) and writes the decimal number with `rand.SafeEncodeString` (each
 * character mapped into "bcdfghjklmnpqrstvwxz2456789"). catcluster does the same over the
 * decoded template's canonical JSON (keys sorted, arrays in order, quantities as their exact
 * value in nanos with their format, no API defaults); upstream hashes Go's dump of the defaulted
 * template, so the value differs from a live cluster's, but it is stable, changes exactly when
 * the template does, and has the same form (up to ten characters of that alphabet).
 *
 * UIDs of objects that carry none: a UUID-shaped SHA-1 of `kind/namespace/name`.
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"

/**
 * JSON with object keys sorted at every level.
 *
 * @since 0.1.0
 * @category destructors
 */
export const canonicalJson = (u: unknown): string => {
  if (Array.isArray(u)) return `[${u.map(canonicalJson).join(",")}]`
  if (u !== null && typeof u === "object") {
    const entries = Object.entries(u as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  // quantities hold bigints (nanos)
  if (typeof u === "bigint") return JSON.stringify(`${u}n`)
  return JSON.stringify(u) ?? "null"
}

/**
 * FNV-1a, 32 bits, over the UTF-8 bytes of `text`.
 *
 * @example
 * import { fnv32a } from "catcluster/scheduler"
 * fnv32a("") // 2166136261
 * fnv32a("a") // 3826002220
 *
 * @since 0.1.0
 * @category destructors
 */
export const fnv32a = (text: string): number => {
  let h = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/**
 * `rand.SafeEncodeString`: each character's code mapped into an alphabet without vowels.
 *
 * @since 0.1.0
 * @category destructors
 */
export const safeEncode = (text: string): string => [...text].map((c) => SAFE_ALPHABET[c.charCodeAt(0) % SAFE_ALPHABET.length]).join("")

/**
 * The `pod-template-hash` of a pod template (as written).
 *
 * @example
 * import { podTemplateHash } from "catcluster/scheduler"
 * podTemplateHash({ metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } }) // "5776f98846"
 *
 * @since 0.1.0
 * @category destructors
 */
export const podTemplateHash = (template: unknown): string => safeEncode(String(fnv32a(canonicalJson(template))))

/**
 * A UUID-shaped, deterministic UID for an object that has none.
 *
 * @since 0.1.0
 * @category destructors
 */
export const syntheticUid = (kind: string, namespace: string, name: string): string => {
  const h = createHash("sha1").update(`${kind}/${namespace}/${name}`).digest("hex")
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
