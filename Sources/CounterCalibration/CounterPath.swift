/// A Windows performance counter path, `\\HOST\Object(Instance)\Counter`, as the header
/// row of a PDH-CSV log names each column.
///
/// The instance is optional (`\\SQL01\SQLServer:Buffer Manager\Page life expectancy`) and may
/// itself contain parentheses (`\\MS02\Process(Microsoft.Mom.Sdk.ServiceHost)\% Processor Time`):
/// it is everything between the object's first `(` and the last `)` before the counter.
/// Comparisons ignore case, as Windows does.
public struct CounterPath: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var object: String
    public var instance: String?
    public var counter: String

    public init(host: String, object: String, instance: String?, counter: String) {
        self.host = host
        self.object = object
        self.instance = instance
        self.counter = counter
    }

    /// Parses `\\HOST\Object(Instance)\Counter`; nil when the text is not of that shape.
    public init?(parsing text: String) {
        guard text.hasPrefix("\\\\") else { return nil }
        let rest = text.dropFirst(2)
        guard let hostEnd = rest.firstIndex(of: "\\") else { return nil }
        let host = String(rest[..<hostEnd])
        guard let local = CounterPath(localPath: String(rest[hostEnd...]), host: host), !host.isEmpty else { return nil }
        self = local
    }

    /// Parses a path without its host, `\Object(Instance)\Counter`, as counter maps write them.
    public init?(localPath text: String, host: String = "") {
        guard text.hasPrefix("\\") else { return nil }
        let body = text.dropFirst()
        guard let counterStart = body.lastIndex(of: "\\") else { return nil }
        let objectPart = body[..<counterStart]
        let counter = String(body[body.index(after: counterStart)...])
        guard !objectPart.isEmpty, !counter.isEmpty else { return nil }
        if objectPart.hasSuffix(")"), let open = objectPart.firstIndex(of: "(") {
            object = String(objectPart[..<open])
            instance = String(objectPart[objectPart.index(after: open)..<objectPart.index(before: objectPart.endIndex)])
        } else {
            object = String(objectPart)
            instance = nil
        }
        guard !object.isEmpty else { return nil }
        self.host = host
        self.counter = counter
    }

    public var description: String {
        "\\\\\(host)" + localDescription
    }

    /// The path without its host: `\Object(Instance)\Counter`.
    public var localDescription: String {
        "\\\(object)" + (instance.map { "(\($0))" } ?? "") + "\\\(counter)"
    }

    /// The same counter on any host, ignoring case: what a counter map names.
    public func matches(_ local: CounterPath, anyInstance: Bool = false) -> Bool {
        object.lowercased() == local.object.lowercased() && counter.lowercased() == local.counter.lowercased()
            && (anyInstance || instance?.lowercased() == local.instance?.lowercased())
    }

    public static func == (a: CounterPath, b: CounterPath) -> Bool {
        a.host.lowercased() == b.host.lowercased() && a.matches(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(host.lowercased())
        hasher.combine(object.lowercased())
        hasher.combine(instance?.lowercased())
        hasher.combine(counter.lowercased())
    }
}
