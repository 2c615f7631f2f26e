/**
 * The message with which reading a workload is refused (a SchedulerInputError), for tests of the
 * API server's refusals; fails the test when the text is accepted.
 */
import { expect } from "vitest"
import { SchedulerInputError, workloadFromText } from "../../src/scheduler/index.ts"

export const refusedWorkload = (text: string, file = "pods.yaml"): string => {
  try {
    workloadFromText(text, file)
  } catch (e) {
    expect(e).toBeInstanceOf(SchedulerInputError)
    return (e as Error).message
  }
  throw new Error("not refused")
}
