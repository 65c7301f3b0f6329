import Stochastics
import Yams

// The scenario schema: every key a scenario file may contain, declared once.
//
// Each section of a scenario file (the top level, `consoles`, `workflows.recurring[]`, …) is a
// `Section`: the value it starts from (the defaults of `Scenario.swift`) and a list of
// `Field`s. One `Field` is one key: its name, how its value is read (`FieldKind`), where it
// goes (a key path), whether it is required, and its documentation (range, default, one
// line). The same declaration gives the allowed keys, reads the value, and lists the key for
// the test that holds `Documentation/Scenario.md` to the schema.
//
// To add a field:
//   1. add the property, with its neutral default, to the type in `Scenario.swift`
//      (a file that does not mention the field must keep its meaning);
//   2. add one line to that section's field list (`ScenarioSchema+Scenario.swift`: top level,
//      management group, consoles, SLOs; `ScenarioSchema+Failures.swift`: workflows, failures):
//          Field("retryLimit", \.retryLimit, .integer, range: "≥ 0", default: "3",
//                doc: "Attempts before a request fails.")
//   3. add its row to the section's table in `Documentation/Scenario.md` (the schema test
//      fails until you do), and its range check to `Scenario+Validation.swift`.
// A new section is a `Section` with its fields, used as `.section(…)` or `.list(…)` by a
// field of its parent; a section documented under another heading (the job of a recurring
// workflow is documented once, at `workflows.job`) names that heading in `documentedAt`.

/// How one kind of value is written in a file and read from its node.
struct FieldKind<T> {
    /// The type as the field reference names it: `duration`, `integer`, `distribution`, …
    let type: String
    /// The unit of the value once read (`s` for durations), empty when it has none.
    var unit = ""
    /// The keys of a nested section, for the documentation check; empty for scalars.
    var reference: [SchemaEntry] = []
    let read: (ScenarioReader, Node, String) throws(ScenarioError) -> T
}

/// One key of a section, as documented.
struct SchemaEntry: Sendable, Equatable {
    /// Dotted path of the key, list items without index: `consoles.requests.weight`.
    var path: String
    var type: String
    var unit: String
    var range: String
    var defaultValue: String
    var doc: String
}

/// One key of a section: its name, how it is read into the section's value, its documentation.
struct Field<Value> {
    enum Requirement {
        case optional
        case required
        /// Required unless the rest of the section makes it meaningless (`sessionLength` with `start: fixed`).
        case requiredUnless(String, (Value) -> Bool)
    }

    let name: String
    let requirement: Requirement
    let entry: SchemaEntry
    let nested: [SchemaEntry]
    let apply: (inout Value, ScenarioReader, Node, String) throws(ScenarioError) -> Void

    init<T>(_ name: String, _ target: WritableKeyPath<Value, T>, _ kind: FieldKind<T>,
            _ requirement: Requirement = .optional, range: String = "", default defaultValue: String = "",
            doc: String) {
        self.name = name
        self.requirement = requirement
        entry = SchemaEntry(path: name, type: kind.type, unit: kind.unit, range: range,
                            defaultValue: defaultValue, doc: doc)
        nested = kind.reference
        apply = { value, reader, node, path throws(ScenarioError) in value[keyPath: target] = try kind.read(reader, node, path) }
    }

    /// A field whose absence means nil.
    init<T>(_ name: String, _ target: WritableKeyPath<Value, T?>, _ kind: FieldKind<T>,
            range: String = "", default defaultValue: String = "none", doc: String) {
        self.init(name, target, FieldKind<T?>(type: kind.type, unit: kind.unit, reference: kind.reference) {
            reader, node, path throws(ScenarioError) in try kind.read(reader, node, path)
        }, .optional, range: range, default: defaultValue, doc: doc)
    }
}

/// A mapping of the file: the value it starts from, its fields, and a last step that checks
/// rules between its fields and builds the result.
struct Section<Draft, Value> {
    /// Named in "expected a mapping" errors: `a request class (a mapping with name, weight, …)`.
    var what = "a mapping"
    /// Where the keys are documented when not at the field's own path (`workflows.job`).
    var documentedAt: String?
    let start: Draft
    let fields: [Field<Draft>]
    let finish: (Draft, ScenarioFields, ScenarioReader) throws(ScenarioError) -> Value

    /// Reads `node` (at `path`): unknown keys are refused, fields are read in declaration order.
    func read(_ reader: ScenarioReader, _ node: Node, _ path: String) throws(ScenarioError) -> Value {
        let f = try reader.fields(node, path, fields.map(\.name), what: what)
        var draft = start
        for field in fields {
            let present: Node?
            switch field.requirement {
            case .required: present = try reader.required(f, field.name)
            case .optional, .requiredUnless: present = reader.optional(f, field.name)
            }
            if let present { try field.apply(&draft, reader, present, f.child(field.name)) }
        }
        for field in fields {
            if case .requiredUnless(let reason, let exempt) = field.requirement, !exempt(draft),
               reader.optional(f, field.name) == nil {
                throw reader.error(f.node, f.child(field.name), "required key '\(field.name)' is missing (\(reason))")
            }
        }
        return try finish(draft, f, reader)
    }

    /// Every key, nested sections included, by path relative to this section; keys documented
    /// under another heading (`documentedAt`) carry an absolute path marked with a leading `@`.
    func reference() -> [SchemaEntry] {
        fields.flatMap { field -> [SchemaEntry] in
            let nested = field.nested.map { entry in
                entry.path.hasPrefix("@") ? entry : entry.moved(to: field.name + "." + entry.path)
            }
            let all = [field.entry] + nested
            guard let documentedAt else { return all }
            return all.map { $0.path.hasPrefix("@") ? $0 : $0.moved(to: "@" + documentedAt + "." + $0.path) }
        }
    }
}

extension SchemaEntry {
    func moved(to path: String) -> SchemaEntry {
        var entry = self
        entry.path = path
        return entry
    }
}

extension Section where Draft == Value {
    init(what: String = "a mapping", documentedAt: String? = nil, start: Value, fields: [Field<Value>],
         check: @escaping (Value, ScenarioFields, ScenarioReader) throws(ScenarioError) -> Void = { _, _, _ in }) {
        self.init(what: what, documentedAt: documentedAt, start: start, fields: fields) {
            value, f, reader throws(ScenarioError) in
            try check(value, f, reader)
            return value
        }
    }
}

// MARK: Kinds

extension FieldKind where T == Double {
    static var duration: Self { Self(type: "duration", unit: "s") { r, n, p throws(ScenarioError) in try r.duration(n, p) } }
    static var number: Self { Self(type: "number") { r, n, p throws(ScenarioError) in try r.number(n, p) } }
}

extension FieldKind where T == Int {
    static var integer: Self { Self(type: "integer") { r, n, p throws(ScenarioError) in try r.integer(n, p) } }
}

extension FieldKind where T == UInt64 {
    static var unsigned: Self { Self(type: "integer") { r, n, p throws(ScenarioError) in try r.unsigned(n, p) } }
}

extension FieldKind where T == Bool {
    static var boolean: Self { Self(type: "boolean") { r, n, p throws(ScenarioError) in try r.boolean(n, p) } }
}

extension FieldKind where T == String {
    static var text: Self { Self(type: "text") { r, n, p throws(ScenarioError) in try r.text(n, p) } }
}

extension FieldKind where T == Distribution {
    static var distribution: Self {
        Self(type: "distribution", unit: "s") { r, n, p throws(ScenarioError) in try r.distribution(n, p) }
    }
}

extension FieldKind where T: RawRepresentable & CaseIterable, T.RawValue == String {
    /// One of the enumeration's raw values.
    static var keyword: Self {
        Self(type: T.allCases.map(\.rawValue).joined(separator: ", ")) { r, n, p throws(ScenarioError) in try r.keyword(n, p) }
    }
}

extension FieldKind {
    /// A nested mapping.
    static func section<D>(_ section: Section<D, T>) -> Self {
        Self(type: "mapping", reference: section.reference()) { r, n, p throws(ScenarioError) in try section.read(r, n, p) }
    }

    /// A list of mappings, each item a `section`.
    static func list<D, E>(_ section: Section<D, E>) -> Self where T == [E] {
        Self(type: "list", reference: FieldKind<E>.section(section).reference) { r, n, p throws(ScenarioError) in
            var result: [E] = []
            for item in try r.items(n, p) { result.append(try section.read(r, item.node, item.path)) }
            return result
        }
    }

    /// The same text, converted further (`choose: least-loaded` or a server name).
    func map<U>(type: String? = nil, _ convert: @escaping (T) -> U) -> FieldKind<U> {
        FieldKind<U>(type: type ?? self.type, unit: unit, reference: reference) { r, n, p throws(ScenarioError) in
            convert(try read(r, n, p))
        }
    }
}
