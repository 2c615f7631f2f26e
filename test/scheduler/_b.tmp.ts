import { hotScheduler, readableScheduler, syntheticNodes, syntheticPods } from "../../src/scheduler/index.ts"
const nodes = syntheticNodes(5000, 1), pods = syntheticPods(20000, 2)
const hot = hotScheduler({ nodes, bound: [] }, { seed: 3 })
let t = performance.now(); let b = 0
for (const p of pods) if (hot.schedule(p).node) b++
let dt = (performance.now() - t) / 1000
console.log("hot", pods.length / dt, "pods/s", b, hot.footprint())
const ro = readableScheduler({ nodes, bound: [] }, { seed: 3 })
t = performance.now()
for (const p of pods.slice(0, 300)) ro.schedule(p)
dt = (performance.now() - t) / 1000
console.log("readable", 300 / dt)
