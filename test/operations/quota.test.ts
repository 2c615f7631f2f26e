/**
 * Quota headroom on test/fixtures/operations/quota.yaml (namespace team), created in order:
 *   Deployment api ×3 (500m / 512Mi, memory limit 1Gi), Pod extra (600m / 256Mi, limit 256Mi),
 *   Pod nolimit (100m / 128Mi, no limit), VMI vm-team (1 vCPU, 1Gi), Deployment worker.
 * Quota team-quota: requests.cpu 2, requests.memory 4Gi, limits.memory 8Gi, pods 5,
 * count/deployments.apps 1, count/widgets.example.com 3.
 */
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { quotaHeadroom } from "../../src/operations/index.ts"
import { fixtures, load, small } from "./load.ts"

describe("quota headroom", () => {
  const { inv, manifests } = load(join(fixtures, "quota.yaml"))
  const q = quotaHeadroom(inv, manifests)
  const lines = Object.fromEntries(q.quotas[0]!.lines.map((l) => [l.resource, [l.used, l.hard, l.headroom]]))

  it("charges what admission lets in", () => {
    // api: 3 × 500m = 1500m, 3 × 512Mi = 1536Mi, limits 3 × 1Gi = 3Gi, 3 pods.
    // extra would bring requests.cpu to 2100m > 2: refused. nolimit: no memory limit: refused.
    // vm-team's launcher: 100m, 1Gi + 270Mi = 1294Mi, and (AutoResourceLimits, the quota limits
    // memory) a memory limit of 2 × 1294Mi = 2588Mi.
    // requests.cpu 1500 + 100 = 1600m (400m left), requests.memory 1536 + 1294 = 2830Mi
    // (4096 − 2830 = 1266Mi left), limits.memory 3072 + 2588 = 5660Mi (8192 − 5660 = 2532Mi left),
    // pods 3 + 1 = 4. worker is the second Deployment: refused, so its pod is never created.
    expect(lines).toEqual({
      "count/deployments.apps": ["1", "1", "0"],
      "limits.memory": ["5660Mi", "8Gi", "2532Mi"],
      pods: ["4", "5", "1"],
      "requests.cpu": ["1600m", "2", "400m"],
      "requests.memory": ["2830Mi", "4Gi", "1266Mi"],
    })
    expect(q.quotas[0]!.lines.find((l) => l.resource === "requests.cpu")).toMatchObject({ percent: 80, statusUsed: "1500m" })
    expect(q.quotas[0]!.notComputed).toEqual(["count/widgets.example.com"])
  })

  it("names each rejection as the API server words it", () => {
    expect(q.rejected.map((r) => r.message)).toEqual([
      'pods "extra" is forbidden: exceeded quota: team-quota, requested: requests.cpu=600m, used: requests.cpu=1500m, limited: requests.cpu=2',
      'pods "nolimit" is forbidden: failed quota: team-quota: must specify limits.memory for: main',
      'deployments.apps "worker" is forbidden: exceeded quota: team-quota, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    ])
  })

  it("a namespace without a quota is named; no quota, no rejection", () => {
    const { inv: i2, manifests: m2 } = load(...small)
    const q2 = quotaHeadroom(i2, m2)
    expect(q2).toEqual({ quotas: [], rejected: [], unlimited: ["shop"] })
  })
})
