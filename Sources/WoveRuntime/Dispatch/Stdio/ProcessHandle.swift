/// A started Foundation `Process`, which is not `Sendable`, kept only to stay alive while its
/// child runs: Foundation's bookkeeping for the child (its termination handler among it) lives
/// with it. Held as `AnyObject`, so modules that import Foundation themselves can hand one in.
package struct ProcessHandle: @unchecked Sendable {
    // Safe to share: nothing reads or calls `process` after launch; it is only kept alive.
    private let process: AnyObject

    /// Keeps `process`, a started `Process`, alive for as long as this handle.
    package init(_ process: AnyObject) { self.process = process }
}
