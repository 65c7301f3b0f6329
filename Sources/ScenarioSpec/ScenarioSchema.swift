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
//          Field("retryLimit", \.retryLimit, .integer, bound: .nonNegative, default: "3",
//                doc: "Attempts before a request fails.")
//      A `bound` (`ScenarioSchema+Bounds.swift`) is both the documented range and its check;
//      a range that involves other fields is a `range:` text, checked in `Scenario+Validation.swift`;
//   3. add its row to the section's table in `Documentation/Scenario.md` (the schema test
//      fails until you do).
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
    let read: (ScenarioReader, YAMLNode, String) throws(ScenarioError) -> T
    /// Checks a value's bounds (a bounded scalar, or the fields of a nested section) at a path.
    var check: ((T, String, inout Checker) -> Void)? = nil
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
    let apply: (inout Value, ScenarioReader, YAMLNode, String) throws(ScenarioError) -> Void
    /// The bound checks of the field's value, nested sections included; nil when it has none.
    let check: ((Value, String, inout Checker) -> Void)?

    init<T>(_ name: String, _ target: WritableKeyPath<Value, T>, _ kind: FieldKind<T>,
            _ requirement: Requirement = .optional, range: String = "", default defaultValue: String = "",
            doc: String) {
        self.name = name
        self.requirement = requirement
        entry = SchemaEntry(path: name, type: kind.type, unit: kind.unit, range: range,
                            defaultValue: defaultValue, doc: doc)
        nested = kind.reference
        apply = { value, reader, node, path throws(ScenarioError) in value[keyPath: target] = try kind.read(reader, node, path) }
        check = kind.check.map { check in { value, path, checker in check(value[keyPath: target], path, &checker) } }
    }

    /// A field with a bound: its range column and its check come from the one declaration.
    init<T: Bounded>(_ name: String, _ target: WritableKeyPath<Value, T>, _ kind: FieldKind<T>,
                     _ requirement: Requirement = .optional, bound: Bound, default defaultValue: String = "", doc: String) {
        self.init(name, target, kind.bounded(bound), requirement, range: bound.text, default: defaultValue, doc: doc)
    }

    /// A field with a bound whose absence means nil.
    init<T: Bounded>(_ name: String, _ target: WritableKeyPath<Value, T?>, _ kind: FieldKind<T>,
                     bound: Bound, default defaultValue: String = "none", doc: String) {
        self.init(name, target, kind.bounded(bound), range: bound.text, default: defaultValue, doc: doc)
    }

    /// A field whose absence means nil.
    init<T>(_ name: String, _ target: WritableKeyPath<Value, T?>, _ kind: FieldKind<T>,
            range: String = "", default defaultValue: String = "none", doc: String) {
        let check = kind.check.map { check in
            { (value: T?, path: String, checker: inout Checker) in if let value { check(value, path, &checker) } }
        }
        self.init(name, target, FieldKind<T?>(type: kind.type, unit: kind.unit, reference: kind.reference, read: {
            reader, node, path throws(ScenarioError) in try kind.read(reader, node, path)
        }, check: check), .optional, range: range, default: defaultValue, doc: doc)
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
    func read(_ reader: ScenarioReader, _ node: YAMLNode, _ path: String) throws(ScenarioError) -> Value {
        let f = try reader.fields(node, path, fields.map(\.name), what: what)
        var draft = start
        for field in fields {
            let present: YAMLNode?
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
    /// A number of GiB (SQL Server memory); messages name the unit.
    static var gibibytes: Self { Self(type: "number", unit: "GiB") { r, n, p throws(ScenarioError) in try r.number(n, p) } }
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
    /// A nested mapping read through a draft (`Failures.Scheduled`): its fields' bounds are
    /// checked by hand in `Scenario+Validation.swift`.
    static func section<D>(_ section: Section<D, T>) -> Self {
        Self(type: "mapping", reference: section.reference()) { r, n, p throws(ScenarioError) in try section.read(r, n, p) }
    }

    /// A nested mapping, whose fields' bounds are checked with the field that holds it.
    static func section(_ section: Section<T, T>) -> Self {
        Self(type: "mapping", reference: section.reference(), read: { r, n, p throws(ScenarioError) in
            try section.read(r, n, p)
        }, check: { value, path, checker in section.check(value, path, &checker) })
    }

    /// A list of mappings, each item a `section` read through a draft.
    static func list<D, E>(_ section: Section<D, E>) -> Self where T == [E] { items(of: section) }

    /// A list of mappings, each item a `section`; each item's bounds are checked at `path[i]`.
    static func list<E>(_ section: Section<E, E>) -> Self where T == [E] {
        var kind = items(of: section)
        kind.check = { items, path, checker in
            for (i, item) in items.enumerated() { section.check(item, "\(path)[\(i)]", &checker) }
        }
        return kind
    }

    private static func items<D, E>(of section: Section<D, E>) -> Self where T == [E] {
        Self(type: "list", reference: FieldKind<E>.section(section).reference) { r, n, p throws(ScenarioError) in
            var result: [E] = []
            for item in try r.items(n, p) { result.append(try section.read(r, item.node, item.path)) }
            return result
        }
    }

    /// The same kind with a bound on its values.
    func bounded(_ bound: Bound) -> Self where T: Bounded {
        var kind = self
        let type = self.type, unit = self.unit
        kind.check = { value, path, checker in checker.bounded(value, bound, path, kind: type, unit: unit) }
        return kind
    }

    /// The same text, converted further (`choose: least-loaded` or a server name).
    func map<U>(type: String? = nil, _ convert: @escaping (T) -> U) -> FieldKind<U> {
        FieldKind<U>(type: type ?? self.type, unit: unit, reference: reference) { r, n, p throws(ScenarioError) in
            convert(try read(r, n, p))
        }
    }
}
