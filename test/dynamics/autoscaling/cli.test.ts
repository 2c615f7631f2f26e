/**
 * `catcluster hpa` on fixture snapshots (values computed by hand in the comments); bad input
 * is a typed error naming file and JSON path, and exits 2.
 */
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { hpaFromText, podsFromText, SnapshotInputError, usageFromText } from "../../../src/dynamics/autoscaling/index.ts"

const root = join(import.meta.dirname, "..", "..", "..")
const fixtures = join(import.meta.dirname, "fixtures")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const f = (name: string) => join(fixtures, name)
const hpa = (...extra: string[]) =>
  cli("hpa", "--hpa", f("hpa.yaml"), "--pods", f("pods.yaml"), "--metrics", f("metrics.yaml"), "--now", "2026-11-27T04:00:00Z", ...extra)

describe("catcluster hpa", () => {
  it("scale-up with unready, missing and deleted pods", () => {
    // ready: a (900m), b (1000m); c unready (ready 10 s ago < 15 s window, inside the 5 min init);
    // d Pending; e being deleted (ignored); f has no metric (missing). U = ⌊100·1900/1000⌋ = 190,
    // ratio 3.8; f and c, d count 0: U' = ⌊100·1900/2500⌋ = 76 → ⌈1.52·5⌉ = 8; limit max(8, 4) = 8.
    const r = hpa("--json")
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      currentReplicas: 4,
      proposedReplicas: 8,
      desiredReplicas: 8,
      metrics: [{ type: "Resource", name: "cpu", replicas: 8, utilization: 190, averageValue: "950m" }],
      reasons: ["ReadyForNewScale", "DesiredWithinRange"],
    })
  })
  it("scale-down, then held by the history's recommendation of 6 (the 6-min-old 9 is forgotten)", () => {
    // ready a, b, f: 250m of 1500m → U = 16, ratio .32 → ⌈.32·3⌉ = 1 (unready pods ignored on a scale-down)
    const args = ["hpa", "--hpa", f("hpa.yaml"), "--pods", f("pods.yaml"), "--metrics", f("metrics-low.yaml"), "--now", "2026-11-27T04:00:00Z", "--json"]
    const plain = JSON.parse(cli(...args).stdout) as { proposedReplicas: number; desiredReplicas: number }
    expect(plain).toMatchObject({ proposedReplicas: 1, desiredReplicas: 1 })
    const held = JSON.parse(cli(...args, "--history", f("history.json")).stdout) as { desiredReplicas: number; reasons: string[] }
    expect(held).toMatchObject({ desiredReplicas: 6, reasons: ["ScaleDownStabilized", "DesiredWithinRange"] })
  })
  it("bad input: a typed error naming file and JSON path", () => {
    const cases: Array<[(text: string, file: string) => unknown, string, string]> = [
      [hpaFromText, "bad-hpa.yaml", "spec.maxReplicas: expected an integer"],
      [podsFromText, "bad-pods.yaml", "document 0, items[0].status.conditions[0].status: expected ConditionStatus"],
      [usageFromText, "bad-metrics.yaml", "document 0, items[0].containers[0].usage.cpu: expected a quantity"],
    ]
    for (const [read, file, message] of cases) {
      const error = (() => {
        try {
          read(readFileSync(f(file), "utf8"), file)
        } catch (e) {
          return e
        }
        return undefined
      })()
      expect(error).toBeInstanceOf(SnapshotInputError)
      expect((error as SnapshotInputError).message).toContain(file)
      expect((error as SnapshotInputError).message).toContain(message)
    }
  })
  it("bad input on the command line: stderr, exit 2, no stack", () => {
    const r = cli("hpa", "--hpa", f("hpa.yaml"), "--pods", f("bad-pods.yaml"), "--metrics", f("metrics.yaml"))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("bad-pods.yaml: document 0, items[0].status.conditions[0].status")
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })
})
