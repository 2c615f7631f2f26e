/**
 * Just enough of npm's semver ranges to compare `engines.node` fields (`>=20`, `^20.19.0 ||
 * >=22.12.0`, `6.* || 8.* || >= 10.*`, `~2.3.3`): whether a release satisfies a range. No
 * prerelease tags; a range this does not understand throws rather than guessing.
 */

/** A release as [major, minor, patch]. */
export type Release = readonly [number, number, number]

const compare = (a: Release, b: Release): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** The bounds one comparator (`>=20.19`, `^22.12.0`, `18`, `*`) puts on a release. */
const bounds = (comparator: string): ReadonlyArray<(v: Release) => boolean> => {
  const m = /^(>=|<=|>|<|=|\^|~)?v?(\*|x|\d+)(?:\.(\*|x|\d+))?(?:\.(\*|x|\d+))?$/i.exec(comparator)
  if (m === null) throw new Error(`not a semver comparator this test understands: ${JSON.stringify(comparator)}`)
  const op = m[1] ?? ""
  const parts = [m[2], m[3], m[4]].map((p) => (p === undefined || /^[x*]$/i.test(p) ? undefined : Number(p)))
  const given = parts.findIndex((p) => p === undefined)
  const exact = given === -1 ? 3 : given // how many numbers were written
  const [major = 0, minor = 0, patch = 0] = parts
  const low: Release = [major, minor, patch]
  // the release just past a partial version: 20 → 21.0.0, 20.19 → 20.20.0
  const next: Release = exact === 0 ? [Infinity, 0, 0] : exact === 1 ? [major + 1, 0, 0] : exact === 2 ? [major, minor + 1, 0] : [major, minor, patch + 1]
  const atLeast = (r: Release) => (v: Release) => compare(v, r) >= 0
  const below = (r: Release) => (v: Release) => compare(v, r) < 0
  switch (op) {
    case ">=":
      return [atLeast(low)]
    case ">":
      return [atLeast(next)]
    case "<":
      return [below(low)]
    case "<=":
      return [below(next)]
    case "^":
      return [atLeast(low), below(major > 0 || exact < 2 ? [major + 1, 0, 0] : minor > 0 || exact < 3 ? [0, minor + 1, 0] : [0, 0, patch + 1])]
    case "~":
      return [atLeast(low), below(exact >= 2 ? [major, minor + 1, 0] : [major + 1, 0, 0])]
    default: // "=" or none: exactly that, or anything within a partial version
      return [atLeast(low), below(next)]
  }
}

/** Whether `release` satisfies `range` (alternatives joined by `||`, comparators by spaces). */
export const satisfies = (release: Release, range: string): boolean =>
  range.split("||").some((alternative) => {
    const comparators = alternative.trim().replace(/([<>=^~]+)\s+/g, "$1").split(/\s+/).filter((c) => c !== "")
    return comparators.every((c) => bounds(c).every((ok) => ok(release)))
  })

/** "v20.19.3" or "20.19.3" as a release. */
export const release = (version: string): Release => {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version)
  if (m === null) throw new Error(`not a release: ${version}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

/**
 * Releases to try a range on: the first release of each alternative, and the first and last of
 * every major from 4 to 40, the ones that satisfy `range`. A dependency's range is checked
 * against these: lower bounds and major boundaries are where two ranges part.
 */
export const samples = (range: string): ReadonlyArray<Release> => {
  const lows = range.split("||").flatMap((alternative) => {
    const m = /(?:>=|\^|~|=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(alternative.trim())
    return m === null ? [] : [[Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] as Release]
  })
  const majors = Array.from({ length: 37 }, (_, i) => i + 4).flatMap((major): ReadonlyArray<Release> => [[major, 0, 0], [major, 999, 999]])
  return [...lows, ...majors].filter((r) => satisfies(r, range))
}
