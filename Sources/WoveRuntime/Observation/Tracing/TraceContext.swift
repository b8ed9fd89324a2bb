/// A span's context as it travels in a `run_task` frame's optional `trace` field: the fields a
/// tracer's propagator writes, W3C Trace Context's `traceparent` and `tracestate` with an
/// OpenTelemetry tracer.
///
/// ```json
/// {"type":"run_task", …, "trace":{"traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}}
/// ```
///
/// Peers that do not know the field ignore it. What a peer sends is bounded: a context with more
/// than ``maxFields`` fields, an empty or over-long name, or an over-long value is dropped, and
/// the run goes on untraced.
public struct TraceContext: Sendable, Hashable {
    /// The most fields a context may have.
    public static let maxFields = 8
    /// The longest field name, in bytes.
    public static let maxNameLength = 64
    /// The longest field value, in bytes (W3C `tracestate` is at most 512).
    public static let maxValueLength = 1024

    /// The propagated fields, by name.
    public let fields: [String: String]

    /// A context of `fields`; `nil` if they exceed the bounds above.
    public init?(fields: [String: String]) {
        guard fields.count <= Self.maxFields,
            fields.allSatisfy({ name, value in
                !name.isEmpty && name.utf8.count <= Self.maxNameLength
                    && value.utf8.count <= Self.maxValueLength
            })
        else { return nil }
        self.fields = fields
    }

    /// W3C Trace Context's `traceparent`, if the propagator wrote one.
    public var traceparent: String? { fields["traceparent"] }

    /// W3C Trace Context's `tracestate`, if the propagator wrote one.
    public var tracestate: String? { fields["tracestate"] }
}

extension TraceContext {
    /// The `trace` field's JSON.
    var json: JSONValue { .object(fields.mapValues(JSONValue.string)) }

    /// The context a `trace` field holds; `nil` if it is not an object of strings within bounds.
    init?(json: JSONValue) {
        guard case .object(let object) = json, object.count <= Self.maxFields else { return nil }
        var fields: [String: String] = [:]
        for (name, value) in object {
            guard case .string(let text) = value else { return nil }
            fields[name] = text
        }
        self.init(fields: fields)
    }
}
