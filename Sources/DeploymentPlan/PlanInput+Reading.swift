import Yams
import ScenarioSpec

/// A problem with a plan's input: a flag's or a file field's value, named, with what is accepted.
public struct PlanInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension PlanField {
    /// Reads a flag's or a scalar's text as this field's value; the message says what is accepted.
    func value(_ text: String) -> Result<PlanValue, PlanInputError> {
        let t = text.trimmingCharacters(in: [" ", "\t"])
        func bad() -> Result<PlanValue, PlanInputError> { .failure(PlanInputError("must be \(accepted), got '\(t)'")) }
        switch kind {
        case .text:
            guard !t.isEmpty, t.count <= 80, t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return bad() }
            return .success(.text(t))
        case .wholeNumber, .number:
            guard let x = Double(t.replacingOccurrences(of: "_", with: "")), x.isFinite, range.contains(x),
                  kind == .number || x == x.rounded() else { return bad() }
            return .success(.number(x))
        case .duration:
            guard let x = DurationSyntax.parse(t), range.contains(x) else { return bad() }
            return .success(.number(x))
        case .storage:
            guard let s = ManagementGroup.Storage.Kind(rawValue: t) else { return bad() }
            return .success(.storage(s))
        case .connectors:
            var list: [PlanInput.Connector] = []
            for item in t.split(separator: ",") {
                let parts = item.split(separator: ":").map { $0.trimmingCharacters(in: [" "]) }
                guard parts.count == 2, let kind = ScheduledJob.Kind(rawValue: parts[0]), Self.connectorKinds.contains(kind),
                      let n = Int(parts[1]), range.contains(Double(n)) else { return bad() }
                list.append(PlanInput.Connector(kind: kind, objects: n))
            }
            return list.isEmpty ? bad() : .success(.connectors(list))
        }
    }
}

extension PlanInput {
    /// Sets fields from flags (`--computers 20000`), after the file if there was one; each
    /// pair is a field key and the flag's text. Throws the first bad value, naming its flag.
    public mutating func apply(flags: [(key: String, text: String)]) throws(PlanInputError) {
        for (key, text) in flags {
            guard let field = PlanField.named(key) else { throw PlanInputError("unknown plan input '\(key)'") }
            switch field.value(text) {
            case .success(let v): field.set(&self, v)
            case .failure(let e): throw PlanInputError("\(field.flag): \(e.description)")
            }
        }
    }

    /// Reads a plan file: a mapping of the keys in `PlanField.all`. Errors read
    /// `FILE:LINE:COL: error: FIELD: MESSAGE`, as the scenario reader's do.
    public static func read(yaml: String, file: String) throws(PlanInputError) -> PlanInput {
        func fail(_ node: Node?, _ field: String, _ message: String) -> PlanInputError {
            ScenarioError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0,
                          field: field, message: message).description.asPlanError
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw fail(nil, "(syntax)", "not well-formed YAML: \(error)")
        }
        guard let root, case .mapping(let mapping) = root else {
            throw fail(root, "(document)", "a plan must be a mapping of keys (computers, consoles, …)")
        }
        var input = PlanInput()
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let k) = keyNode, let field = PlanField.named(k.string) else {
                let name = keyNode.scalar?.string ?? "?"
                throw fail(keyNode, name, "unknown key; the keys are " + PlanField.all.map(\.key).joined(separator: ", "))
            }
            guard seen.insert(field.key).inserted else { throw fail(keyNode, field.key, "given twice") }
            let value: Result<PlanValue, PlanInputError>
            switch (field.kind, valueNode) {
            case (.connectors, .sequence(let items)):
                var texts: [String] = []
                for (i, item) in items.enumerated() {
                    guard case .mapping(let m) = item, let kind = m["kind"]?.scalar?.string, let objects = m["objects"]?.scalar?.string,
                          m.count == 2 else {
                        throw fail(item, "connectors[\(i)]", "each connector is { kind: KIND, objects: N }")
                    }
                    texts.append("\(kind):\(objects)")
                }
                value = texts.isEmpty ? .success(.connectors([])) : field.value(texts.joined(separator: ","))
            case (_, .scalar(let s)):
                value = field.value(s.string)
            default:
                throw fail(valueNode, field.key, "must be \(field.accepted)")
            }
            switch value {
            case .success(let v): field.set(&input, v)
            case .failure(let e): throw fail(valueNode, field.key, e.description)
            }
        }
        return input
    }

    /// The required inputs, present: `computers` and `consoles`.
    public func checkComplete(flagged: Bool) throws(PlanInputError) {
        for key in ["computers", "consoles"] {
            let field = PlanField.named(key)!
            let missing = key == "computers" ? computers == nil : consoles == nil
            if missing {
                throw PlanInputError("\(flagged ? field.flag : key) is required: \(field.meaning), \(field.accepted)")
            }
        }
    }
}

private extension String {
    var asPlanError: PlanInputError { PlanInputError(self) }
}
