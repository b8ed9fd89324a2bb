import Testing
import WoveDSL

@Suite("Introspection")
struct IntrospectionTests {
    /// A diamond fed by a mapped task over an initialization value.
    private func mappedDiamond() throws -> ExecutionPlan {
        try plan(["ids": [1, 2, 3]]) {
            Task("doubled", mapping: "ids") { (id: Int) async in id * 2 }
            Task("left", after: "doubled") { (values: [Int]) in values.reduce(0, +) }
            Task("right", after: "doubled") { (values: [Int]) async in values.count }
            Task("joined", after: "left", "right") { (sum: Int, count: Int) in sum / count }
            Task("squares", over: [1, 2]) { (item: Int) in item * item }
        }
    }

    @Test("describe() lists tasks with kind, mapping, location and environment, the graph and the tiers")
    func describeReport() throws {
        let plan = try mappedDiamond()
        let lines = plan.describe().components(separatedBy: "\n")
        #expect(lines.first == "--- Wove plan ---")
        #expect(lines.last == "--- End of plan ---")
        #expect(lines.contains("Tasks (5):"))
        let doubled = try #require(lines.first { $0.hasPrefix("  • doubled (") })
        #expect(
            doubled.contains("(async, mapped over 'ids' (3 items)) at WoveDSLTests/IntrospectionTests.swift:")
        )
        #expect(doubled.hasSuffix(", environment local"))
        #expect(lines.contains { $0.hasPrefix("  • squares (sync, mapped over 2 items) at ") })
        #expect(lines.contains { $0.hasPrefix("  • left (sync) at ") })
        #expect(lines.contains { $0.hasPrefix("  • right (async) at ") })
        let joined = try #require(lines.firstIndex(of: "  • joined"))
        #expect(lines[joined + 1] == "    Dependencies: left, right")
        #expect(lines[joined + 2] == "    Dependents:   None")
        let doubledGraph = try #require(lines.firstIndex(of: "  • doubled"))
        #expect(lines[doubledGraph + 1] == "    Dependencies: ids")
        #expect(lines[doubledGraph + 2] == "    Dependents:   left, right")
        #expect(lines.contains("  - Tier 1: data, ids, squares"))
        #expect(lines.contains("  - Tier 2: doubled"))
        #expect(lines.contains("  - Tier 3: left, right"))
        #expect(lines.contains("  - Tier 4: joined"))
    }

    @Test("plan nodes carry the same facts as data")
    func planNodes() throws {
        let plan = try mappedDiamond()
        let doubled = try #require(plan.nodes.first { $0.name == "doubled" })
        #expect(doubled.kind == .task && doubled.isAsync && doubled.isMapped)
        #expect(doubled.mappedOver == "ids" && doubled.itemCount == 3 && doubled.tier == 2)
        #expect(plan.nodes.first { $0.name == "ids" }?.kind == .initializationValue)
        #expect(plan.nodes.first?.kind == .data)
    }

    @Test("Mermaid export: a flowchart with one node line per node and one edge per dependency")
    func mermaid() throws {
        let plan = try mappedDiamond()
        let lines = plan.mermaid().components(separatedBy: "\n")
        #expect(lines.first == "flowchart TD")
        #expect(lines.contains(#"    n0[/"data"/]"#))
        #expect(lines.contains(#"    n1[/"ids"/]"#))
        #expect(lines.contains(#"    n2[["doubled<br/>async, mapped over 'ids' (3 items)"]]"#))
        #expect(lines.contains(#"    n3["left<br/>sync"]"#))
        #expect(lines.contains("    n1 --> n2"))
        #expect(lines.contains("    n3 --> n5") && lines.contains("    n4 --> n5"))
        #expect(lines.filter { $0.contains("-->") }.count == 5)
    }

    @Test("DOT export: a digraph with shaped nodes and quoted edges")
    func dot() throws {
        let plan = try mappedDiamond()
        let lines = plan.dot().components(separatedBy: "\n")
        #expect(lines.first == "digraph wove {")
        #expect(lines.last == "}")
        #expect(lines.contains(#"    "ids" [shape=parallelogram];"#))
        #expect(
            lines.contains(
                #"    "doubled" [label="doubled\n(async, mapped over 'ids' (3 items))", peripheries=2];"#))
        #expect(lines.contains(#"    "left" -> "joined";"#))
        #expect(lines.filter { $0.contains("->") }.count == 5)
    }

    @Test("names with quotes are escaped in diagrams")
    func escaping() throws {
        let plan = try plan { Task(#"say "hi""#) { 1 } }
        #expect(plan.dot().contains(#""say \"hi\"""#))
        #expect(plan.mermaid().contains("say #quot;hi#quot;"))
    }

    @Test("debug: true prints the report and changes nothing, even for tasks using data and seeds")
    func debugDoesNotChangeResults() async throws {
        let plain = try await weave(["seed": 2]) {
            Task("account", after: "seed", "data") { (seed: Int, data: [String: any Sendable]) in
                seed * data.count
            }
        }
        let debugged = try await weave(["seed": 2], options: .debug) {
            Task("account", after: "seed", "data") { (seed: Int, data: [String: any Sendable]) in
                seed * data.count
            }
        }
        #expect(try debugged.final(as: Int.self) == plain.final(as: Int.self))
        #expect(debugged.executionPlan.tiers == plain.executionPlan.tiers)
        #expect(debugged.executionPlan.dependencies == plain.executionPlan.dependencies)
    }

    @Test("plan() reports graph errors like weave, without running anything")
    func planErrors() throws {
        let error = try #require(throws: WeaveError.self) {
            try plan { Task("a", after: "missing") { (x: Int) in x } }
        }
        #expect(error.code == .unknownDependency)
    }
}
