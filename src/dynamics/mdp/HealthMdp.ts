/**
 * The seed's health MDP (S7.5): rewards Healthy +1, Unhealthy −1, Starting 0; γ = 0.9;
 * C_migrate = −5; actions {Wait, Restart, Migrate}; claimed optimal policies "container →
 * Restart, VM → Migrate".
 *
 * The seed does not give the transitions under Restart and Migrate, so this model states its
 * assumptions as data (every field of {@link HealthMdpParameters} below, with defaults):
 *
 * - A1 One step is one health-check period. Under Wait the backend follows the S7.4 chain on
 *   {Healthy, Unhealthy, Starting}, with the runtime's Starting row (container P(S→H) = 0.95,
 *   VM 0.7; remaining mass split equally over S→U and S→S as in the seed's row). Terminating is
 *   left out: it is unreachable from these states (S7.4). `unhealthyToHealthy` (default the
 *   seed's 0.3) lets the sweep ask what happens if an unhealthy VM does not recover by itself.
 * - A2 Restart (any state but Migrating) puts the backend in Starting with probability 1. Its
 *   immediate reward is the current state's reward plus `restartCost` (default 0: the seed names
 *   no restart cost).
 * - A3 Migrate (VM only; a container cannot live-migrate, S13.3) from Healthy or Unhealthy puts
 *   the backend in Migrating; its reward is the current state's reward plus C_migrate = −5.
 * - A4 Migrating (reward 0, the seed's table) ends Healthy with probability `migrationSuccess`
 *   per step (default 1: "30 s later Healthy", one period) and stays Migrating otherwise; only
 *   Wait is enabled there.
 *
 * The claim is read at Unhealthy, the state where the choice matters (the seed's table attaches
 * "immediate restart" / "needs diagnosis" to the Unhealthy row; in Healthy, Wait is optimal).
 *
 * @since 0.1.0
 */
import type { Mdp } from "./Mdp.ts"
import { mdpOrThrow } from "./Mdp.ts"

/**
 * The parameters of the health MDP; every field not given by the seed is an assumption.
 *
 * @since 0.1.0
 * @category model
 */
export interface HealthMdpParameters {
  readonly runtime: "container" | "vm"
  /** S7.4: container 0.95, VM 0.7. */
  readonly startToHealthy: number
  /** S7.4: P(U→H) under Wait = 0.3; the rest split over U→U and U→S in the seed's 0.5 : 0.2. */
  readonly unhealthyToHealthy: number
  /** S7.5: 0.9. */
  readonly discount: number
  /** S7.5: +1, −1, 0; Migrating 0 (the seed's table). */
  readonly rewardHealthy: number
  readonly rewardUnhealthy: number
  readonly rewardStarting: number
  readonly rewardMigrating: number
  /** S7.5: C_migrate = −5. */
  readonly migrateCost: number
  /** Assumption A2: 0. */
  readonly restartCost: number
  /** Assumption A4: 1. */
  readonly migrationSuccess: number
}

/**
 * The defaults for a runtime: the seed's numbers plus assumptions A1–A4.
 *
 * @since 0.1.0
 * @category seed
 */
export const healthDefaults = (runtime: "container" | "vm"): HealthMdpParameters => ({
  runtime,
  startToHealthy: runtime === "container" ? 0.95 : 0.7,
  unhealthyToHealthy: 0.3,
  discount: 0.9,
  rewardHealthy: 1,
  rewardUnhealthy: -1,
  rewardStarting: 0,
  rewardMigrating: 0,
  migrateCost: -5,
  restartCost: 0,
  migrationSuccess: 1,
})

/**
 * The health MDP for a runtime, with overrides of any parameter.
 *
 * @example
 * import { healthMdp, policyIteration, showPolicy } from "catcluster/dynamics/mdp"
 * const { mdp } = healthMdp({ runtime: "vm", restartCost: -10 })
 * showPolicy(mdp, policyIteration(mdp).policy) // { Healthy: "Wait", Unhealthy: "Wait", Starting: "Wait", Migrating: "Wait" }
 *
 * @since 0.1.0
 * @category constructors
 */
export const healthMdp = (
  overrides: Partial<HealthMdpParameters> & { readonly runtime: "container" | "vm" },
): { readonly mdp: Mdp; readonly parameters: HealthMdpParameters } => {
  const p: HealthMdpParameters = { ...healthDefaults(overrides.runtime), ...overrides }
  const vm = p.runtime === "vm"
  const rest = 1 - p.startToHealthy
  const startRow = { Healthy: p.startToHealthy, Unhealthy: rest / 2, Starting: rest / 2 }
  const unhealthyRest = 1 - p.unhealthyToHealthy
  const unhealthyRow = { Healthy: p.unhealthyToHealthy, Unhealthy: (unhealthyRest * 5) / 7, Starting: (unhealthyRest * 2) / 7 }
  const restart = (reward: number) => ({ reward: reward + p.restartCost, next: { Starting: 1 } })
  const migrate = (reward: number) => ({ reward: reward + p.migrateCost, next: { Migrating: 1 } })
  const states = vm ? ["Healthy", "Unhealthy", "Starting", "Migrating"] : ["Healthy", "Unhealthy", "Starting"]
  const mdp = mdpOrThrow({
    states,
    actions: ["Wait", "Restart", "Migrate"],
    discount: p.discount,
    transitions: {
      Healthy: {
        Wait: { reward: p.rewardHealthy, next: { Healthy: 0.99, Unhealthy: 0.005, Starting: 0.005 } },
        Restart: restart(p.rewardHealthy),
        ...(vm ? { Migrate: migrate(p.rewardHealthy) } : {}),
      },
      Unhealthy: {
        Wait: { reward: p.rewardUnhealthy, next: unhealthyRow },
        Restart: restart(p.rewardUnhealthy),
        ...(vm ? { Migrate: migrate(p.rewardUnhealthy) } : {}),
      },
      Starting: {
        Wait: { reward: p.rewardStarting, next: startRow },
        Restart: restart(p.rewardStarting),
      },
      ...(vm
        ? {
            Migrating: {
              Wait: {
                reward: p.rewardMigrating,
                next: p.migrationSuccess >= 1 ? { Healthy: 1 } : { Healthy: p.migrationSuccess, Migrating: 1 - p.migrationSuccess },
              },
            },
          }
        : {}),
    },
  })
  return { mdp, parameters: p }
}
