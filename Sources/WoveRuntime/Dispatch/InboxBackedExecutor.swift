/// An executor whose ``EnvironmentExecutor/recv()`` returns its ``inbox``'s frames: the runtime
/// has the inbox hand events straight to the runs waiting for them.
package protocol InboxBackedExecutor: EnvironmentExecutor {
    /// The inbox `recv()` reads.
    var inbox: FrameInbox { get }
}
