/// A reusable graph of tasks, declared once and run (or overridden) anywhere.
///
/// ```swift
/// struct StandardReport: Weave {
///     var tasks: some WeaveContent {
///         Task("user_data", after: "user_id") { (id: Int) in User(id: id, name: "Standard User") }
///             .retries(2)
///         Task("summary", after: "user_data") { (user: User) in "Report for \(user.name)" }
///     }
/// }
/// let report = try await weave(StandardReport(), ["user_id": 123])
/// let admin = try await weave(StandardReport(), ["user_id": 1, "is_admin": true]) {
///     // A later task with the same name replaces the weave's, signature and options included;
///     // options it does not set are inherited from the task it replaces.
///     Task("user_data", after: "user_id", "is_admin") { (id: Int, admin: Bool) in
///         User(id: id, name: admin ? "Admin" : "User")
///     }
/// }
/// ```
///
/// To share tasks between weaves (the stand-in for subclassing), put them in an extension of a
/// protocol refining `Weave` and compose them in each conforming type:
///
/// ```swift
/// protocol ReportFamily: Weave {}
/// extension ReportFamily {
///     @WeaveBuilder var standardTasks: TaskList { … }
///     var tasks: TaskList { standardTasks }          // the default
/// }
/// struct AuditReport: ReportFamily {
///     var tasks: TaskList { standardTasks; Task("audit", after: "summary") { … } }
/// }
/// ```
public protocol Weave: Sendable {
    /// The type of ``tasks``.
    associatedtype Tasks: WeaveContent
    /// The weave's tasks, in declaration order.
    @WeaveBuilder var tasks: Tasks { get }
}

extension Weave {
    /// A name for the weave: its type's name.
    public static var weaveName: String { String(describing: Self.self) }
}
