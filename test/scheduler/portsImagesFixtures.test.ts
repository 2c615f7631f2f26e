/**
 * The manifest fixtures of NodePorts and ImageLocality (test/scheduler/fixtures/nodeports/,
 * fixtures/imagelocality/) through `catcluster schedule --explain --json` and in-process, on both
 * engines.
 */
import { describeFamily } from "./fixtureCases.ts"

describeFamily("nodeports", { hot: true, atLeast: 8 })
describeFamily("imagelocality", { hot: true, atLeast: 8 })
