import Foundation
import Testing
import WoveDSL

/// A reusable weave whose mapped task the worker serves by name.
struct ScaleWeave: Weave {
    var tasks: some WeaveContent {
        Task("ids") { [3, 1, 2] }
        Task("scaled", mapping: "ids", after: "factor") { (id: Int, factor: Int) in id * factor }
    }
}

@Suite("Mapped tasks dispatched item by item")
struct MappedDispatchTests {
    private func configuration(_ executor: LoopbackExecutor) -> WoveConfiguration {
        WoveConfiguration(environments: ["remote": EnvironmentSettings(executor: .shared(executor))])
    }

    private func runTaskFrames(_ executor: LoopbackExecutor) throws -> [[String: Any]] {
        try executor.sentJSON.compactMap { json in
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        }
        .filter { $0["type"] as? String == "run_task" }
    }

    @Test("one run_task per item, args carry item and the other inputs, results in input order")
    func mappingUpstream() async throws {
        let executor = LoopbackExecutor(worker: WoveWorker { ScaleWeave().tasks })
        let result = try await Wove.withConfiguration(configuration(executor)) {
            try await weave(ScaleWeave(), ["factor": 10]) {
                Task("scaled", mapping: "ids", after: "factor") { (id: Int, factor: Int) in id * factor }
                    .environment("remote")
            }
        }
        #expect(try result.value("scaled", as: [Int].self) == [30, 10, 20])
        let frames = try runTaskFrames(executor)
        #expect(frames.count == 3)
        let args = frames.compactMap { $0["args"] as? [String: Int] }
        #expect(
            Set(args) == [["item": 3, "factor": 10], ["item": 1, "factor": 10], ["item": 2, "factor": 10]])
        #expect(frames.allSatisfy { $0["task_id"] as? String == "scaled" })
        #expect(Set(frames.compactMap { $0["run_id"] as? String }).count == 3)
    }

    @Test("a task declared in a Weave type carries its weave name in run_task")
    func weaveNameSent() async throws {
        let executor = LoopbackExecutor(worker: WoveWorker { ScaleWeave().tasks })
        let result = try await Wove.withConfiguration(configuration(executor)) {
            try await weave(ScaleWeave(), ["factor": 2], options: .environment("remote")) {}
        }
        #expect(try result.value("scaled", as: [Int].self) == [6, 2, 4])
        let frames = try runTaskFrames(executor)
        #expect(frames.count == 4)
        #expect(frames.allSatisfy { $0["weave"] as? String == "ScaleWeave" })
    }

    @Test("a mapped task over a local collection, async body, equals a local run")
    func overLocalCollection() async throws {
        let worker = WoveWorker {
            Task("labels", over: ["a", "b", "c"], after: "prefix") { (item: String, prefix: String) async in
                prefix + item
            }
        }
        let executor = LoopbackExecutor(worker: worker)
        @WeaveBuilder func graph(remote: Bool) -> TaskList {
            if remote {
                Task("labels", over: ["a", "b", "c"], after: "prefix") {
                    (item: String, prefix: String) async in
                    prefix + item
                }
                .environment("remote").workers(2)
            } else {
                Task("labels", over: ["a", "b", "c"], after: "prefix") {
                    (item: String, prefix: String) async in
                    prefix + item
                }
            }
        }
        let remote = try await Wove.withConfiguration(configuration(executor)) {
            try await weave(["prefix": "x-"]) { graph(remote: true) }
        }
        let local = try await weave(["prefix": "x-"]) { graph(remote: false) }
        #expect(try remote.value("labels", as: [String].self) == ["x-a", "x-b", "x-c"])
        #expect(try remote.value("labels", as: [String].self) == local.value("labels", as: [String].self))
        #expect(try runTaskFrames(executor).count == 3)
    }

    @Test("one failing item fails the mapped task with the worker's error")
    func failingItem() async throws {
        let worker = WoveWorker {
            Task("checked", over: [1, 2, 3]) { (item: Int) throws -> Int in
                if item == 2 { throw Boom(code: item) }
                return item
            }
        }
        let executor = LoopbackExecutor(worker: worker)
        let error = try await #require(throws: EnvironmentExecutionError.self) {
            try await Wove.withConfiguration(configuration(executor)) {
                try await weave {
                    Task("checked", over: [1, 2, 3]) { (item: Int) throws -> Int in item }
                        .environment("remote")
                }
            }
        }
        #expect(error.taskName == "checked" && error.payload.source == .task)
        #expect(error.payload.message.contains("2"))
    }

    @Test("a mapped task with an input named item cannot run remotely: it would collide with the element")
    func itemNameCollision() async throws {
        let executor = LoopbackExecutor(worker: WoveWorker {})
        let node = Task("m", over: [1, 2], after: "item") { (value: Int, item: Int) in value + item }
            .environment("remote")
        let error = try await #require(throws: WeaveError.self) {
            try await Wove.withConfiguration(configuration(executor)) {
                try await weave(["item": 5]) { node }
            }
        }
        #expect(error.code == .invalidOption && error.location == node.location)
        #expect(error.message.contains("input named 'item'"))
        #expect(executor.startCalls.isEmpty)
    }

    @Test("a mapped task whose items are not Codable is rejected at plan time, naming items")
    func nonCodableItems() async throws {
        let executor = LoopbackExecutor(worker: WoveWorker {})
        let node = Task("opaque_items", over: [NotCodable()]) { (_: NotCodable) in 1 }.environment("remote")
        let error = try await #require(throws: MissingDispatchFeatureError.self) {
            try await Wove.withConfiguration(configuration(executor)) { try await weave { node } }
        }
        #expect(error.taskName == "opaque_items" && error.location == node.location)
        #expect(error.reason.contains("items, inputs"))
        #expect(executor.startCalls.isEmpty)
    }
}
