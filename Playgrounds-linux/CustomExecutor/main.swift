// A custom executor in a few lines: one environment's tasks go through a transport of your own.
// Here the "transport" is a WoveWorker in this same process; a real one would send the frames
// over a socket or a queue and push the answers into its FrameInbox as they arrive.
//
// Run it with: swift run CustomExecutor
import WoveDSL

/// Hands every command frame to a worker and pushes its event frames into its inbox, whose frames
/// the runtime routes to the runs waiting for them (`recv()` comes with `InboxBackedExecutor`).
final class InProcessExecutor: InboxBackedExecutor {
    let inbox = FrameInbox()
    private let commands: AsyncThrowingStream<WoveFrame, any Error>.Continuation
    private let serving: Task<Void, Never>

    init(worker: WoveWorker) {
        let (stream, commands) = AsyncThrowingStream<WoveFrame, any Error>.makeStream()
        let inbox = inbox
        self.commands = commands
        serving = Task { await worker.serve(stream) { frame in inbox.push(frame) } }
    }

    func start(environmentName: String, environmentConfig: [String: JSONValue], runConfig: RunConfig)
        async throws
    {
        print("start \(environmentName) with \(environmentConfig)")
    }

    func send(_ frame: WoveFrame) async throws {
        print("send \(frame.type) \(frame.runID?.prefix(while: { $0 != ":" }) ?? "")")
        commands.yield(frame)
    }

    func stop() async throws {
        commands.finish()
        await serving.value
        // FrameInbox keeps the contract: `recv()` ends once the inbox is failed.
        inbox.fail(CancellationError())
        print("stop")
    }
}

/// The tasks the worker serves, by name; the weave declares the same ones.
struct Pricing: Weave {
    var tasks: some WeaveContent {
        Task("price", after: "sku") { (sku: String) in sku.count * 100 }
    }
}

let worker = WoveWorker { Pricing().tasks }
try Wove.config(environments: [
    "in-process": EnvironmentSettings(
        executor: .custom(configuration: ["region": "local"]) { InProcessExecutor(worker: worker) })
])
let result = try await weave(Pricing(), ["sku": "ABC-123"]) {
    Task("price", after: "sku") { (sku: String) in sku.count * 100 }.environment("in-process")
    Task("label", after: "price") { (cents: Int) in "ABC-123 costs \(cents) cents" }
}
print(try result.final(as: String.self))
