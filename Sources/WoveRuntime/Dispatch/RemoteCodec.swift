/// How a task's arguments and result cross a process boundary as JSON, for tasks declared with
/// `Codable` inputs and output.
///
/// Conforming types are stateless and stored as metatypes, so declaring a task allocates
/// nothing for them. Arguments are keyed by dependency name, as wove's `args` object is.
@usableFromInline
package protocol RemoteCodec: Sendable {
    /// Caller side: the body's arguments (in `after:` order) as a JSON object keyed by `names`.
    static func encodeArguments(_ arguments: [any Sendable], names: [String]) throws -> [String: JSONValue]
    /// Caller side: the worker's JSON result as the task's output.
    static func decodeResult(_ json: JSONValue) throws -> any Sendable
    /// Worker side: a JSON `args` object as the body's arguments, in `after:` order.
    static func decodeArguments(_ object: [String: JSONValue], names: [String]) throws -> [any Sendable]
    /// Worker side: the body's output as JSON.
    static func encodeResult(_ value: any Sendable) throws -> JSONValue
}

/// The codec of a task whose inputs are `Input…` and output `Output`.
@usableFromInline
package struct CodableTaskCodec<each Input: Sendable & Codable, Output: Sendable & Codable>: RemoteCodec {
    @usableFromInline
    package static func encodeArguments(_ arguments: [any Sendable], names: [String]) throws -> [String:
        JSONValue]
    {
        var object: [String: JSONValue] = [:]
        var position = 0
        for type in repeat (each Input).self {
            guard position < arguments.count, position < names.count else {
                throw CodecError.argument(position, expected: String(reflecting: type))
            }
            object[names[position]] = try encode(arguments[position], as: type, position: position)
            position += 1
        }
        return object
    }

    private static func encode<T: Encodable>(_ value: any Sendable, as _: T.Type, position: Int) throws
        -> JSONValue
    {
        guard let typed = value as? T else {
            throw CodecError.argument(position, expected: String(reflecting: T.self))
        }
        return try JSONValue(encoding: typed)
    }

    @usableFromInline
    package static func decodeResult(_ json: JSONValue) throws -> any Sendable {
        try json.decode(as: Output.self)
    }

    @usableFromInline
    package static func decodeArguments(_ object: [String: JSONValue], names: [String]) throws
        -> [any Sendable]
    {
        var arguments: [any Sendable] = []
        var position = 0
        for type in repeat (each Input).self {
            guard position < names.count, let json = object[names[position]] else {
                throw CodecError.missingArgument(position < names.count ? names[position] : "#\(position)")
            }
            arguments.append(try json.decode(as: type))
            position += 1
        }
        return arguments
    }

    @usableFromInline
    package static func encodeResult(_ value: any Sendable) throws -> JSONValue {
        guard let typed = value as? Output else {
            throw CodecError.result(
                String(reflecting: Swift.type(of: value)), expected: String(reflecting: Output.self))
        }
        return try JSONValue(encoding: typed)
    }
}

/// Why a codec could not convert a value.
package enum CodecError: Error, CustomStringConvertible {
    case argument(Int, expected: String)
    case missingArgument(String)
    case result(String, expected: String)

    package var description: String {
        switch self {
        case .argument(let position, let expected): "argument \(position + 1) is not a \(expected)"
        case .missingArgument(let name): "no argument '\(name)' was sent"
        case .result(let actual, let expected): "the result is a \(actual), not a \(expected)"
        }
    }
}
