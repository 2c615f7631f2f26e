/**
 * S15.4, first formula — □(VM Running → ◇ Service Healthy).
 *
 * The model: one VM backing a Service. The VM goes Stopped → Starting → Running (the user's
 * `start`, the controller's `booted`); the guest application is Down, Up or Crashed. The Service
 * is Healthy when the VM is Running and the application is Up (its endpoint passes the readiness
 * probe). `appUp` (the application starting) is weakly fair; `crash` is not (it may or may not
 * happen). With a liveness probe, the kubelet/virt-probe restarts a crashed application
 * (`restartApp`, weakly fair); without one, a crash is permanent.
 *
 * @since 0.1.0
 */
import { leadsTo } from "../Formula.ts"
import { guarded, type Command, type GuardedSystem } from "../Guarded.ts"
import { proposition, type Proposition } from "../TransitionSystem.ts"
import type { Scenario } from "./Scenario.ts"

const VM = 0
const APP = 1
const [STOPPED, STARTING, RUNNING] = [0, 1, 2] as const
const [DOWN, UP, CRASHED] = [0, 1, 2] as const

/**
 * The service-health model with its propositions.
 *
 * @since 0.1.0
 * @category model
 */
export interface ServiceHealthSystem extends GuardedSystem {
  readonly vmRunning: Proposition
  readonly serviceHealthy: Proposition
}

/**
 * Builds the model, with or without a liveness probe.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serviceHealthSystem = (livenessProbe: boolean): ServiceHealthSystem => {
  const commands: Command[] = [
    { action: "start", guard: (s) => s.get(VM) === STOPPED, update: (_, t) => t.set(VM, STARTING) },
    { action: "booted", fair: true, guard: (s) => s.get(VM) === STARTING, update: (_, t) => t.set(VM, RUNNING) },
    { action: "appUp", fair: true, guard: (s) => s.get(VM) === RUNNING && s.get(APP) === DOWN, update: (_, t) => t.set(APP, UP) },
    { action: "crash", guard: (s) => s.get(APP) === UP, update: (_, t) => t.set(APP, CRASHED) },
  ]
  if (livenessProbe) commands.push({ action: "restartApp", fair: true, guard: (s) => s.get(APP) === CRASHED, update: (_, t) => t.set(APP, DOWN) })
  const system = guarded({
    name: `service-health(liveness probe ${livenessProbe ? "on" : "off"})`,
    fields: [
      { name: "vm", values: 3, names: ["Stopped", "Starting", "Running"] },
      { name: "app", values: 3, names: ["Down", "Up", "Crashed"] },
    ],
    initial: [[STOPPED, DOWN]],
    commands,
  })
  return {
    ...system,
    vmRunning: proposition("VM Running", (w, at) => system.read(w, at, VM) === RUNNING),
    serviceHealthy: proposition("Service Healthy", (w, at) => system.read(w, at, VM) === RUNNING && system.read(w, at, APP) === UP),
  }
}

/**
 * The S15.4 liveness scenario.
 *
 * @since 0.1.0
 * @category scenarios
 */
export const serviceHealth: Scenario = {
  name: "service-health",
  claims: ["S15.4"],
  title: "□(VM Running → ◇ Service Healthy)",
  checks: [
    {
      name: "liveness-probe/running-leads-to-healthy",
      build: () => {
        const system = serviceHealthSystem(true)
        return { system, formula: leadsTo(system.vmRunning, system.serviceHealthy) }
      },
      expected: "holds",
      role: "claim",
      because: "a crashed application is restarted (fair) and comes up again (fair)",
    },
    {
      name: "no-liveness-probe/running-leads-to-healthy",
      build: () => {
        const system = serviceHealthSystem(false)
        return { system, formula: leadsTo(system.vmRunning, system.serviceHealthy) }
      },
      expected: "violated",
      role: "claim",
      because: "after a crash nothing restarts the application: the VM runs, the endpoint stays unready forever",
    },
  ],
}
