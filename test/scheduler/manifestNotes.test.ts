/**
 * Objects the scheduler reads but does not apply, said with what they would change: an HPA whose
 * target is outside [minReplicas, maxReplicas] (the controller rescales it at once, whatever the
 * metrics), and a VirtualMachineInstanceMigration in progress (its target launcher pod is not
 * created here). Objects that change nothing stay quiet (kinds nothing reads are named once by
 * the CLI's warning).
 */
import { describe, expect, it } from "vitest"
import { skippedNotes } from "../../src/cli/input.ts"
import { workloadFromText } from "../../src/scheduler/index.ts"

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x}]}
---
`
const hpa = (min: string, max: number, kind = "Deployment") => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web-hpa, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: web}
${min}  maxReplicas: ${max}
`
const notes = (text: string) => skippedNotes(workloadFromText(text, "w.yaml").skipped)

describe("HorizontalPodAutoscaler", () => {
  it("below minReplicas: it would scale up at once", () => {
    expect(notes(deployment(1) + hpa("  minReplicas: 3\n", 10))).toEqual([
      "shop/web-hpa not scheduled: HorizontalPodAutoscaler: not applied here: it would scale Deployment web from 1 to 3 replicas at once (Current number of replicas below Spec.MinReplicas); its replicas are scheduled as written",
    ])
  })

  it("above maxReplicas: it would scale down at once", () => {
    expect(notes(deployment(7) + hpa("", 4))).toEqual([
      "shop/web-hpa not scheduled: HorizontalPodAutoscaler: not applied here: it would scale Deployment web from 7 to 4 replicas at once (Current number of replicas above Spec.MaxReplicas); its replicas are scheduled as written",
    ])
  })

  it("in range, at zero replicas (scaling disabled), or aimed at another kind: nothing to say", () => {
    expect(notes(deployment(2) + hpa("", 4))).toEqual([])
    expect(notes(deployment(0) + hpa("  minReplicas: 2\n", 4))).toEqual([])
    expect(notes(deployment(1) + hpa("  minReplicas: 3\n", 10, "StatefulSet"))).toEqual([])
  })
})

describe("VirtualMachineInstanceMigration", () => {
  const migration = (phase: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstanceMigration
metadata: {name: mig, namespace: prod}
spec: {vmiName: vm1}
${phase === "" ? "" : `status: {phase: ${phase}}\n`}`

  it("in progress: its target launcher pod is not created here", () => {
    expect(notes(migration("Scheduling"))).toEqual([
      "prod/mig not scheduled: VirtualMachineInstanceMigration of vm1 (phase Scheduling): its target virt-launcher pod is read when the input holds it, not created here (`catcluster drain` models live migration)",
    ])
    expect(notes(migration(""))[0]).toContain("(phase unset)")
  })

  it("finished: nothing to say", () => {
    expect(notes(migration("Succeeded"))).toEqual([])
    expect(notes(migration("Failed"))).toEqual([])
  })
})
