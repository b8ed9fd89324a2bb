// Inspect a plan before running it: the readable report, Mermaid and Graphviz DOT.
//
// Run it with: swift run DescribePlan
import WoveDSL

let diamond = try plan(["ids": [1, 2, 3]]) {
    Task("doubled", mapping: "ids") { (id: Int) async in id * 2 }
    Task("sum", after: "doubled") { (values: [Int]) in values.reduce(0, +) }
    Task("count", after: "doubled") { (values: [Int]) in values.count }
    Task("mean", after: "sum", "count") { (sum: Int, count: Int) in Double(sum) / Double(count) }
}
print(diamond.describe())
print()
print(diamond.mermaid())
print()
print(diamond.dot())
