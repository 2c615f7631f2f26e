import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs"
import { basename, dirname, join, relative, resolve } from "node:path"

/**
 * Writing a run's outputs all at once: the run writes into a fresh directory beside `out/`, and
 * only when it has finished does that directory replace `out/`, so `out/` never holds one run's
 * `report.html` beside another's `claims.md`. Files in `out/` that runs do not write (screenshots,
 * a user's notes) are carried over.
 *
 * @since 0.1.0
 */

/**
 * The files a run writes; any of them left from an earlier run is replaced or removed.
 *
 * @since 0.1.0
 * @category constants
 */
export const RUN_OUTPUTS: ReadonlyArray<string> = ["report.html", "report.json", "claims.md"]

/**
 * Runs `produce` on a temporary directory beside `outDir`, then puts its files in place of the
 * earlier run's: `outDir`'s other files are moved in, the old directory is renamed away and the
 * new one renamed to `outDir` (two renames on one file system). When `produce` throws, `outDir`
 * is left as it was and the temporary directory removed. Returns what `produce` returned with
 * its paths under the temporary directory rewritten to `outDir`.
 *
 * @since 0.1.0
 * @category running
 */
export const writeAtomically = async <A>(outDir: string, produce: (dir: string) => Promise<A>, paths: (a: A, toFinal: (path: string) => string) => A): Promise<A> => {
  const target = resolve(outDir)
  mkdirSync(dirname(target), { recursive: true })
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.new-`))
  // mkdtemp makes it private; out/ keeps the mode it had (or a directory's usual one)
  chmodSync(staging, existsSync(target) ? statSync(target).mode & 0o7777 : 0o755)
  let result: A
  try {
    result = await produce(staging)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  if (existsSync(target)) {
    for (const name of readdirSync(target)) {
      if (!RUN_OUTPUTS.includes(name) && !existsSync(join(staging, name))) renameSync(join(target, name), join(staging, name))
    }
    const old = mkdtempSync(join(dirname(target), `.${basename(target)}.old-`))
    renameSync(target, join(old, "out"))
    renameSync(staging, target)
    rmSync(old, { recursive: true, force: true })
  } else {
    renameSync(staging, target)
  }
  const toFinal = (path: string): string => {
    const rel = relative(staging, resolve(path))
    return rel.startsWith("..") ? path : join(outDir, rel)
  }
  return paths(result, toFinal)
}
