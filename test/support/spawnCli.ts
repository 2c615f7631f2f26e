/**
 * `catcluster <args>` from source in a child process, without blocking, so CLI cases can run side
 * by side (each start costs seconds).
 */
import { spawn } from "node:child_process"
import { join } from "node:path"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")

/** What the spawned CLI did. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export const spawnCli = (...args: string[]): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(root, "src", "cli", "main.ts"), ...args], { timeout: 120_000, cwd: root })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")))
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })
