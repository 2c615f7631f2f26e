/**
 * Every model-checking scenario, by name.
 *
 * @since 0.1.0
 */
import { ipPool } from "./IpPool.ts"
import { migrationLiveness } from "./MigrationLiveness.ts"
import { migrationSource } from "./MigrationSource.ts"
import { pendingVm, podFitsNode } from "./Placement.ts"
import { quota } from "./Quota.ts"
import type { Scenario } from "./Scenario.ts"
import { serviceHealth } from "./ServiceHealth.ts"

export * from "./IpPool.ts"
export * from "./MigrationLiveness.ts"
export * from "./MigrationSource.ts"
export * from "./Placement.ts"
export * from "./Quota.ts"
export * from "./Scenario.ts"
export * from "./ServiceHealth.ts"

/**
 * All scenarios in SPEC order.
 *
 * @since 0.1.0
 * @category scenarios
 */
export const scenarios: ReadonlyArray<Scenario> = [ipPool, pendingVm, podFitsNode, serviceHealth, migrationSource, quota, migrationLiveness]
