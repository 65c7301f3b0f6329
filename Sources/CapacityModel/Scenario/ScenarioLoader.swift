import Foundation
import Stations
import Stochastics
import Yams

/// Reads scenario files (YAML) into `Scenario` values.
///
/// The YAML is composed into a node tree (`Yams.compose`) and walked by hand, so that every
/// error names the line, column and field path of the value at fault:
/// `weekday.yaml:14:15: consoles.requests[2].weight: must be zero or positive, got -1`.
/// Keys are the property names of `Scenario` and its parts; absent keys take the defaults
/// declared there. After reading, the cross-field rules of `Scenario.validate()` are checked
/// and reported at the node they concern. `Documentation/Scenario.md` describes every field.
public enum ScenarioLoader {
    /// Reads and parses the scenario file at `path`.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text = try readText(path)
        return try parse(yaml: text, file: path)
    }

    /// Parses a scenario from `yaml`; `file` names it in error messages.
    public static func parse(yaml: String, file: String) throws(ScenarioError) -> Scenario {
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: yaml)
        } catch {
            throw syntaxError(error, file: file, yaml: yaml)
        }
        guard let root = composed, !ScenarioReader.isNull(root) else {
            throw ScenarioError(file: file, line: 1, column: 1, field: "(document)",
                                message: "the document is empty; a scenario needs at least name, duration, consoles and workflows")
        }
        let reader = ScenarioReader(file: file, root: root)
        let scenario = try reader.scenario()
        // Of the broken rules, report the one nearest the top of the file.
        let errors = scenario.problems().map { reader.error(reader.node(for: $0.field), $0.field, $0.message) }
        if let first = errors.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) { throw first }
        return scenario
    }

    private static func readText(_ path: String) throws(ScenarioError) -> String {
        func failure(_ message: String) -> ScenarioError {
            ScenarioError(file: path, line: 0, column: 0, field: "(file)", message: message)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("cannot read the file: no such file")
        }
        guard !isDirectory.boolValue else { throw failure("cannot read the file: it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot read the file: permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure("cannot read the file: it is not UTF-8 text")
        }
        return text
    }

    /// A Yams error as `FILE:LINE:COL: (syntax): MESSAGE`.
    private static func syntaxError(_ error: any Error, file: String, yaml: String) -> ScenarioError {
        func at(_ mark: Mark?, _ message: String) -> ScenarioError {
            at(mark?.line ?? 0, mark?.column ?? 0, message)
        }
        func at(_ line: Int, _ column: Int, _ message: String) -> ScenarioError {
            ScenarioError(file: file, line: line, column: column, field: "(syntax)", message: message)
        }
        func explain(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        guard let yamlError = error as? YamlError else { return at(nil, "\(error)") }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return at(mark, explain(problem, context))
        case .reader(let problem, let offset, _, _):
            guard let offset else { return at(nil, problem) }
            var line = 1
            var column = 1
            for character in yaml.prefix(offset) {
                if character.isNewline { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
            return at(line, column, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let what = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
            return at(context.mark, "\(what) more than once in this mapping (first here); keys must be unique")
        default:
            return at(nil, "\(yamlError)")
        }
    }
}

/// One mapping of the file, its keys checked against the allowed ones.
struct ScenarioFields {
    let path: String
    let node: Node
    /// Keys in file order (explicit keys, then keys brought in by `<<` merges).
    let order: [String]
    let entries: [String: (key: Node, value: Node)]

    func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

/// Walks the composed tree, converting and recording the node behind every field path.
final class ScenarioReader {
    let file: String
    let root: Node
    /// The node each field path was read from, for placing errors found later.
    private var nodes: [String: Node] = [:]

    init(file: String, root: Node) {
        self.file = file
        self.root = root
    }

    // MARK: Errors and positions

    func error(_ node: Node?, _ field: String, _ message: String) -> ScenarioError {
        let mark = node?.mark
        return ScenarioError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                             field: field.isEmpty ? "(document)" : field, message: message)
    }

    /// The node read for `field`, or for the nearest enclosing field that was in the file.
    func node(for field: String) -> Node {
        var path = Substring(field)
        while !path.isEmpty {
            if let node = nodes[String(path)] { return node }
            if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
                path = path[..<open]
            } else if let dot = path.lastIndex(of: ".") {
                path = path[..<dot]
            } else {
                path = ""
            }
        }
        return root
    }

    // MARK: Scalars

    private static let nullTag = Tag.Name.null.rawValue
    private static let boolTag = Tag.Name.bool.rawValue
    private static let intTag = Tag.Name.int.rawValue
    private static let floatTag = Tag.Name.float.rawValue

    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return node.tag.rawValue == nullTag }
        return false
    }

    /// What a node is, for "expected X, got Y".
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            switch node.tag.rawValue {
            case Self.nullTag: return "an empty value"
            case Self.boolTag: return "the boolean \(text)"
            case Self.intTag, Self.floatTag: return text
            default: return "the text '\(text)'"
            }
        }
    }

    private func expected(_ what: String, _ node: Node, _ path: String) -> ScenarioError {
        error(node, path, "expected \(what), got \(describe(node))")
    }

    /// Any non-empty scalar, as written (names may look like numbers or booleans).
    func text(_ node: Node, _ path: String) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else { throw expected("a name", node, path) }
        return scalar.string
    }

    /// A plain decimal number: `400`, `-1`, `0.55`, `1e-3`.
    func number(_ node: Node, _ path: String) throws(ScenarioError) -> Double {
        try number(node, path, what: "a number")
    }

    private func number(_ node: Node, _ path: String, what: String) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = node else { throw expected(what, node, path) }
        let tag = node.tag.rawValue
        let value = Self.decimal(scalar.string)
        if tag == Self.intTag || tag == Self.floatTag {
            if let value { return value }
            throw error(node, path, "expected \(what) in plain decimal notation, got \(scalar.string)")
        }
        if tag == Tag.Name.str.rawValue, value != nil {
            throw error(node, path, "expected \(what), got the quoted text '\(scalar.string)'; remove the quotes")
        }
        if scalar.string.trimmingBlanks().hasSuffix("%") {
            throw error(node, path, "expected \(what), got \(describe(node)); write fractions such as 0.8, not percentages")
        }
        throw expected(what, node, path)
    }

    /// A whole number that fits in an `Int`.
    func integer(_ node: Node, _ path: String) throws(ScenarioError) -> Int {
        let value = try number(node, path, what: "a whole number")
        guard value == value.rounded(), abs(value) < 9e15 else {
            throw error(node, path, "expected a whole number, got \(describe(node))")
        }
        return Int(value)
    }

    /// A whole number from 0 to 2⁶⁴ − 1.
    func unsigned(_ node: Node, _ path: String) throws(ScenarioError) -> UInt64 {
        if case .scalar(let scalar) = node, node.tag.rawValue == Self.intTag {
            let digits = scalar.string.trimmingBlanks().drop { $0 == "+" }
            if let value = UInt64(digits) { return value }
        }
        _ = try number(node, path, what: "a whole number")
        throw error(node, path, "must be a whole number from 0 to \(UInt64.max), got \(describe(node))")
    }

    /// A duration in seconds: `90`, `250ms`, `30s`, `5m`, `1.5h`, `1d`.
    func duration(_ node: Node, _ path: String) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = node, !Self.isNull(node), node.tag.rawValue != Self.boolTag else {
            throw error(node, path, "expected a duration, got \(describe(node)); \(DurationSyntax.accepted)")
        }
        if let seconds = DurationSyntax.parse(scalar.string) { return seconds }
        if scalar.string.trimmingBlanks().hasPrefix("-") {
            throw error(node, path, "a duration cannot be negative, got '\(scalar.string)'; \(DurationSyntax.accepted)")
        }
        throw error(node, path, "cannot read '\(scalar.string)' as a duration; \(DurationSyntax.accepted)")
    }

    func boolean(_ node: Node, _ path: String) throws(ScenarioError) -> Bool {
        guard node.tag.rawValue == Self.boolTag, let value = node.bool else { throw expected("true or false", node, path) }
        return value
    }

    /// One of an enumeration's raw values.
    func keyword<T: RawRepresentable & CaseIterable>(_ node: Node, _ path: String) throws(ScenarioError) -> T
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            throw expected("one of \(allowed.joined(separator: ", "))", node, path)
        }
        if let value = T(rawValue: scalar.string) { return value }
        throw error(node, path, Self.unknown("value", scalar.string, allowed))
    }

    /// `Name 'x' (did you mean 'y'?); allowed: a, b, c`.
    static func unknown(_ kind: String, _ name: String, _ allowed: [String]) -> String {
        let hint = suggestion(for: name, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown \(kind) '\(name)'\(hint); expected one of \(allowed.joined(separator: ", "))"
    }

    /// The closest allowed word, if it is close enough to be a likely typo.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        if let (candidate, distance) = best, distance <= max(1, target.count / 3) { return candidate }
        // A prefix of exactly one candidate (`expo` for `exponential`).
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(String(target)) }
        return target.count >= 3 && prefixed.count == 1 ? prefixed[0] : nil
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `[+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)?`, finite; nil otherwise.
    static func decimal(_ text: String) -> Double? {
        var body = text.trimmingBlanks()
        var sign = 1.0
        if body.first == "-" { sign = -1; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        guard !body.hasPrefix("+"), !body.hasPrefix("-") else { return nil }
        let chars = Array(body)
        var i = 0
        var digits = 0
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; digits += 1 }
        if i < chars.count, chars[i] == "." {
            i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            guard i > start else { return nil }
        }
        guard i == chars.count else { return nil }
        var normalized = String(body)
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        guard let value = Double(normalized), value.isFinite else { return nil }
        return sign * value
    }

    // MARK: Mappings and lists

    /// `node` as a mapping whose keys are all in `allowed`; `<<` merge keys are followed.
    func fields(_ node: Node, _ path: String, _ allowed: [String], what: String = "a mapping") throws(ScenarioError) -> ScenarioFields {
        guard case .mapping = node else {
            if path.isEmpty {
                throw error(node, "(document)", "a scenario must be a mapping of keys (name, duration, consoles, …), got \(describe(node))")
            }
            throw expected(what, node, path)
        }
        var order: [String] = []
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in try pairs(node, path, depth: 0) {
            guard case .scalar(let scalar) = key, !Self.isNull(key) else {
                throw error(key, path, "keys must be plain names, got \(describe(key))")
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                let field = path.isEmpty ? name : path + "." + name
                throw error(key, field, Self.unknown("key", name, allowed))
            }
            if entries[name] == nil {
                entries[name] = (key, value)
                order.append(name)
            }
        }
        nodes[path] = node
        return ScenarioFields(path: path, node: node, order: order, entries: entries)
    }

    /// A mapping's pairs: its own first, then those merged in with `<<: *anchor`.
    private func pairs(_ node: Node, _ path: String, depth: Int) throws(ScenarioError) -> [(Node, Node)] {
        guard case .mapping(let mapping) = node else { return [] }
        guard depth < 32 else { throw error(node, path, "merge keys (<<) nested too deeply") }
        var own: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (key, value) in mapping {
            if case .scalar(let scalar) = key, scalar.string == "<<", key.tag.rawValue == Tag.Name.merge.rawValue {
                let sources: [Node]
                switch value {
                case .mapping: sources = [value]
                case .sequence(let list) where list.allSatisfy({ if case .mapping = $0 { true } else { false } }):
                    sources = Array(list)
                default:
                    throw error(value, path, "a merge key (<<) needs a mapping or a list of mappings, got \(describe(value))")
                }
                for source in sources { merged += try pairs(source, path, depth: depth + 1) }
            } else {
                own.append((key, value))
            }
        }
        return own + merged
    }

    /// The value of `key`, or nil when it is absent or empty (`key:` or `key: null`).
    func optional(_ fields: ScenarioFields, _ key: String) -> Node? {
        guard let entry = fields.entries[key], !Self.isNull(entry.value) else { return nil }
        nodes[fields.child(key)] = entry.value
        return entry.value
    }

    /// The value of `key`; a missing key is reported at the enclosing mapping.
    func required(_ fields: ScenarioFields, _ key: String) throws(ScenarioError) -> Node {
        guard let entry = fields.entries[key] else {
            throw error(fields.node, fields.child(key), "required key '\(key)' is missing")
        }
        nodes[fields.child(key)] = entry.value
        return entry.value
    }

    func read<T>(_ fields: ScenarioFields, _ key: String,
                 _ convert: (Node, String) throws(ScenarioError) -> T) throws(ScenarioError) -> T? {
        guard let node = optional(fields, key) else { return nil }
        return try convert(node, fields.child(key))
    }

    func need<T>(_ fields: ScenarioFields, _ key: String,
                 _ convert: (Node, String) throws(ScenarioError) -> T) throws(ScenarioError) -> T {
        try convert(required(fields, key), fields.child(key))
    }

    func set<T>(_ target: inout T, _ fields: ScenarioFields, _ key: String,
                _ convert: (Node, String) throws(ScenarioError) -> T) throws(ScenarioError) {
        if let value = try read(fields, key, convert) { target = value }
    }

    /// The items of a list, each with its path (`path[i]`).
    func items(_ node: Node, _ path: String) throws(ScenarioError) -> [(node: Node, path: String)] {
        guard case .sequence(let sequence) = node else { throw expected("a list", node, path) }
        nodes[path] = node
        return sequence.enumerated().map { i, item in
            let itemPath = "\(path)[\(i)]"
            nodes[itemPath] = item
            return (item, itemPath)
        }
    }

    // MARK: Distributions

    private static let distributionKeys = ["distribution", "mean", "value", "low", "high", "sd", "cv", "k", "shape", "values"]
    private static let families: [(name: String, parameters: [String])] = [
        ("exponential", ["mean"]), ("deterministic", ["value", "mean"]), ("uniform", ["low", "high"]),
        ("normal", ["mean", "sd"]), ("lognormal", ["mean", "cv"]), ("gamma", ["mean", "cv"]),
        ("erlang", ["k", "mean"]), ("weibull", ["mean", "shape"]), ("empirical", ["values"]),
    ]

    /// `{ distribution: FAMILY, parameters… }`; times may carry units, cv, k and shape may not.
    func distribution(_ node: Node, _ path: String) throws(ScenarioError) -> Distribution {
        let f = try fields(node, path, Self.distributionKeys,
                           what: "a distribution (a mapping such as { distribution: exponential, mean: 30s })")
        let familyNode = try required(f, "distribution")
        let family = try text(familyNode, f.child("distribution"))
        guard let parameters = Self.families.first(where: { $0.name == family })?.parameters else {
            throw error(familyNode, f.child("distribution"), Self.unknown("distribution", family, Self.families.map(\.name)))
        }
        let takes = family == "deterministic" ? "value (or mean)" : parameters.joined(separator: ", ")
        for key in f.order where key != "distribution" && !parameters.contains(key) {
            throw error(f.entries[key]!.key, f.child(key), "'\(key)' does not apply to \(family), which takes \(takes)")
        }
        func needed(_ key: String) throws(ScenarioError) -> Node {
            guard f.entries[key] != nil else {
                throw error(node, f.child(key), "required key '\(key)' is missing (\(family) takes \(takes))")
            }
            return try required(f, key)
        }
        func time(_ key: String) throws(ScenarioError) -> Double { try duration(needed(key), f.child(key)) }
        func plain(_ key: String) throws(ScenarioError) -> Double { try number(needed(key), f.child(key)) }

        let result: Result<Distribution, DistributionError>
        switch family {
        case "exponential":
            let mean = try time("mean")
            result = Result { () throws(DistributionError) in try .exponential(mean: mean) }
        case "deterministic":
            if f.entries["value"] != nil, let meanEntry = f.entries["mean"] {
                throw error(meanEntry.key, f.child("mean"), "give value or mean, not both")
            }
            let value = try time(f.entries["mean"] != nil ? "mean" : "value")
            result = Result { () throws(DistributionError) in try .deterministic(value) }
        case "uniform":
            let low = try time("low"), high = try time("high")
            result = Result { () throws(DistributionError) in try .uniform(low: low, high: high) }
        case "normal":
            let mean = try time("mean"), sd = try time("sd")
            result = Result { () throws(DistributionError) in try .truncatedNormal(mean: mean, sd: sd) }
        case "lognormal":
            let mean = try time("mean"), cv = try plain("cv")
            result = Result { () throws(DistributionError) in try .lognormal(mean: mean, cv: cv) }
        case "gamma":
            let mean = try time("mean"), cv = try plain("cv")
            result = Result { () throws(DistributionError) in try .gamma(mean: mean, cv: cv) }
        case "erlang":
            let k = try integer(needed("k"), f.child("k")), mean = try time("mean")
            result = Result { () throws(DistributionError) in try .erlang(k: k, mean: mean) }
        case "weibull":
            let mean = try time("mean"), shape = try plain("shape")
            result = Result { () throws(DistributionError) in try .weibull(mean: mean, shape: shape) }
        default: // empirical
            var values: [Double] = []
            for item in try items(needed("values"), f.child("values")) {
                values.append(try duration(item.node, item.path))
            }
            result = Result { () throws(DistributionError) in try .empirical(values) }
        }
        switch result {
        case .success(let distribution): return distribution
        case .failure(let failure): throw error(node, path, failure.message)
        }
    }

    // MARK: The scenario

    func scenario() throws(ScenarioError) -> Scenario {
        let top = try fields(root, "", ["name", "seed", "duration", "warmup", "window", "replications",
                                        "managementGroup", "consoles", "workflows", "failures", "slo"])
        let name = try need(top, "name", text)
        let seed = try read(top, "seed", unsigned)
        let duration = try need(top, "duration", self.duration)
        let warmup = try read(top, "warmup", self.duration)
        let window = try read(top, "window", self.duration)
        let replications = try read(top, "replications", integer)
        let managementGroup = try read(top, "managementGroup", self.managementGroup) ?? ManagementGroup()
        let consoles = try need(top, "consoles", self.consoles)
        let workflows = try need(top, "workflows", self.workflows)

        var scenario = Scenario(name: name, duration: duration, managementGroup: managementGroup,
                                consoles: consoles, workflows: workflows)
        if let seed { scenario.seed = seed }
        if let warmup { scenario.warmup = warmup }
        if let window { scenario.window = window }
        if let replications { scenario.replications = replications }
        try scenario.failures = read(top, "failures", failures) ?? Failures()
        try scenario.slo = read(top, "slo", serviceLevelObjectives) ?? ServiceLevelObjectives()
        return scenario
    }

    private func managementGroup(_ node: Node, _ path: String) throws(ScenarioError) -> ManagementGroup {
        let f = try fields(node, path, ["initialServer", "additionalServers", "database"])
        var group = ManagementGroup()
        if let node = optional(f, "initialServer") {
            let s = try fields(node, f.child("initialServer"), ["name", "cores", "acceptsConsoles", "maxConsoles", "discipline"])
            try set(&group.initialServer.name, s, "name", text)
            try set(&group.initialServer.cores, s, "cores", integer)
            try set(&group.initialServer.acceptsConsoles, s, "acceptsConsoles", admission)
            try set(&group.initialServer.maxConsoles, s, "maxConsoles", integer)
            try set(&group.initialServer.discipline, s, "discipline", keyword)
        }
        if let node = optional(f, "additionalServers") {
            let s = try fields(node, f.child("additionalServers"),
                               ["count", "consolesPerServer", "cores", "maxConsoles", "namePrefix", "discipline"])
            group.additionalServers.count = try read(s, "count", integer)
            group.additionalServers.consolesPerServer = try read(s, "consolesPerServer", integer)
            if group.additionalServers.count != nil, group.additionalServers.consolesPerServer != nil {
                let later = s.order.first { $0 == "count" || $0 == "consolesPerServer" } == "count" ? "consolesPerServer" : "count"
                throw error(s.entries[later]!.value, s.child(later),
                            "give either count (a fixed number of additional servers) or consolesPerServer (a sizing ratio), not both")
            }
            try set(&group.additionalServers.cores, s, "cores", integer)
            try set(&group.additionalServers.maxConsoles, s, "maxConsoles", integer)
            if let node = optional(s, "namePrefix") {
                guard case .scalar(let scalar) = node else { throw expected("a name prefix", node, s.child("namePrefix")) }
                group.additionalServers.namePrefix = scalar.string
            }
            try set(&group.additionalServers.discipline, s, "discipline", keyword)
        }
        if let node = optional(f, "database") {
            let s = try fields(node, f.child("database"), ["name", "cores", "discipline"])
            try set(&group.database.name, s, "name", text)
            try set(&group.database.cores, s, "cores", integer)
            try set(&group.database.discipline, s, "discipline", keyword)
        }
        return group
    }

    /// `auto`, `yes` or `no`; the YAML booleans (true, false, yes, no, on, off) too.
    private func admission(_ node: Node, _ path: String) throws(ScenarioError) -> ManagementGroup.ConsoleAdmission {
        if node.tag.rawValue == Self.boolTag, let value = node.bool { return value ? .yes : .no }
        return try keyword(node, path)
    }

    private func consoles(_ node: Node, _ path: String) throws(ScenarioError) -> Consoles {
        let f = try fields(node, path, ["peak", "start", "profile", "sessionLength", "thinkTime", "loadBalancing",
                                        "networkLatency", "requests"])
        let peak = try need(f, "peak", integer)
        let start: Consoles.Start? = try read(f, "start", keyword)
        let profile = try read(f, "profile", self.profile)
        let sessionLength = try need(f, "sessionLength", distribution)
        let thinkTime = try need(f, "thinkTime", distribution)
        let loadBalancing: Consoles.LoadBalancing? = try read(f, "loadBalancing", keyword)
        let networkLatency = try read(f, "networkLatency", duration)
        let requests = try need(f, "requests", self.requests)
        var consoles = Consoles(peak: peak, sessionLength: sessionLength, thinkTime: thinkTime, requests: requests)
        if let start { consoles.start = start }
        if let profile { consoles.profile = profile }
        if let loadBalancing { consoles.loadBalancing = loadBalancing }
        if let networkLatency { consoles.networkLatency = networkLatency }
        return consoles
    }

    private func profile(_ node: Node, _ path: String) throws(ScenarioError) -> [Consoles.ProfileStep] {
        var steps: [Consoles.ProfileStep] = []
        for item in try items(node, path) {
            let f = try fields(item.node, item.path, ["from", "rate"], what: "a profile step { from: 9h, rate: 0.5 }")
            steps.append(Consoles.ProfileStep(from: try need(f, "from", duration), rate: try need(f, "rate", number)))
        }
        return steps
    }

    private func requests(_ node: Node, _ path: String) throws(ScenarioError) -> [RequestClass] {
        var classes: [RequestClass] = []
        for item in try items(node, path) {
            let f = try fields(item.node, item.path,
                               ["name", "weight", "server", "database", "serverAfter", "workflowsPerRequest"],
                               what: "a request class (a mapping with name, weight, server, …)")
            var request = RequestClass(name: try need(f, "name", text), weight: try need(f, "weight", number),
                                       server: try need(f, "server", distribution))
            request.database = try read(f, "database", distribution)
            request.serverAfter = try read(f, "serverAfter", distribution)
            try set(&request.workflowsPerRequest, f, "workflowsPerRequest", number)
            classes.append(request)
        }
        return classes
    }

    private func workflows(_ node: Node, _ path: String) throws(ScenarioError) -> Workflows {
        let f = try fields(node, path, ["pollInterval", "batchSize", "subscriptions", "concurrency", "job", "recurring", "bursts"])
        let pollInterval = try read(f, "pollInterval", duration)
        let batchSize = try read(f, "batchSize", integer)
        let concurrency = try read(f, "concurrency", integer)
        let subscriptions = try read(f, "subscriptions", integer)
        var workflows = Workflows(job: try need(f, "job", job))
        if let pollInterval { workflows.pollInterval = pollInterval }
        if let batchSize { workflows.batchSize = batchSize }
        if let concurrency { workflows.concurrency = concurrency }
        if let subscriptions { workflows.subscriptions = subscriptions }
        if let node = optional(f, "recurring") {
            for item in try items(node, f.child("recurring")) {
                let r = try fields(item.node, item.path, ["name", "every", "offset", "jobs", "job"],
                                   what: "a recurring workflow (a mapping with name, every, jobs, …)")
                var recurring = Workflows.Recurring(name: try need(r, "name", text), every: try need(r, "every", duration),
                                                    jobs: try need(r, "jobs", integer))
                recurring.offset = try read(r, "offset", duration)
                recurring.job = try read(r, "job", job)
                workflows.recurring.append(recurring)
            }
        }
        if let node = optional(f, "bursts") {
            for item in try items(node, f.child("bursts")) {
                let b = try fields(item.node, item.path, ["name", "at", "jobs"],
                                   what: "a burst (a mapping with name, at, jobs)")
                workflows.bursts.append(Workflows.Burst(name: try need(b, "name", text), at: try need(b, "at", duration),
                                                        jobs: try need(b, "jobs", integer)))
            }
        }
        return workflows
    }

    private func job(_ node: Node, _ path: String) throws(ScenarioError) -> Workflows.Job {
        let f = try fields(node, path, ["server", "database"], what: "a job (a mapping with server and database)")
        return Workflows.Job(server: try need(f, "server", distribution), database: try read(f, "database", distribution))
    }

    private func failures(_ node: Node, _ path: String) throws(ScenarioError) -> Failures {
        let f = try fields(node, path, ["scheduled", "random", "reconnect", "promotion", "down"])
        var failures = Failures()
        if let node = optional(f, "scheduled") {
            for item in try items(node, f.child("scheduled")) {
                failures.scheduled.append(try scheduled(item.node, item.path))
            }
        }
        if let node = optional(f, "random") {
            let r = try fields(node, f.child("random"), ["appliesTo", "timeToFailure", "timeToRepair"])
            let appliesTo: Failures.Population? = try read(r, "appliesTo", keyword)
            var random = Failures.Random(timeToFailure: try need(r, "timeToFailure", distribution),
                                         timeToRepair: try need(r, "timeToRepair", distribution))
            if let appliesTo { random.appliesTo = appliesTo }
            failures.random = random
        }
        if let node = optional(f, "reconnect") {
            let r = try fields(node, f.child("reconnect"), ["delay", "retryEvery", "giveUpAfter"])
            try set(&failures.reconnect.delay, r, "delay", distribution)
            try set(&failures.reconnect.retryEvery, r, "retryEvery", duration)
            try set(&failures.reconnect.giveUpAfter, r, "giveUpAfter", duration)
        }
        if let node = optional(f, "promotion") {
            let p = try fields(node, f.child("promotion"), ["after", "choose", "failBack"])
            try set(&failures.promotion.after, p, "after", distribution)
            if let choice = try read(p, "choose", text) {
                failures.promotion.choose = choice == "least-loaded" ? .leastLoaded : .server(choice)
            }
            try set(&failures.promotion.failBack, p, "failBack", boolean)
        }
        try set(&failures.down, f, "down", integer)
        return failures
    }

    private func scheduled(_ node: Node, _ path: String) throws(ScenarioError) -> Failures.Scheduled {
        let f = try fields(node, path, ["server", "database", "at", "repairAfter"],
                           what: "a scheduled failure (a mapping with server or database: true, at, repairAfter)")
        let server = try read(f, "server", text)
        let database = try read(f, "database", boolean)
        let target: Failures.Target
        switch (server, database) {
        case (_?, true?):
            let later = f.order.first { $0 == "server" || $0 == "database" } == "server" ? "database" : "server"
            throw error(f.entries[later]!.value, f.child(later), "give either server: NAME or database: true, not both")
        case (let name?, _):
            target = .server(name)
        case (nil, true?):
            target = .database
        case (nil, false?):
            throw error(f.entries["database"]!.value, f.child("database"),
                        "database: false names no target; give server: NAME or database: true")
        case (nil, nil):
            throw error(node, path, "a scheduled failure needs a target: server: NAME or database: true")
        }
        return Failures.Scheduled(target: target, at: try need(f, "at", duration),
                                  repairAfter: try read(f, "repairAfter", duration))
    }

    private func serviceLevelObjectives(_ node: Node, _ path: String) throws(ScenarioError) -> ServiceLevelObjectives {
        let f = try fields(node, path, ["p95Latency", "p99Latency", "maxUtilization", "maxDatabaseUtilization",
                                        "p95WorkflowLag", "maxAbandonedSessions"])
        var slo = ServiceLevelObjectives()
        slo.p95Latency = try read(f, "p95Latency", duration)
        slo.p99Latency = try read(f, "p99Latency", duration)
        slo.maxUtilization = try read(f, "maxUtilization", number)
        slo.maxDatabaseUtilization = try read(f, "maxDatabaseUtilization", number)
        slo.p95WorkflowLag = try read(f, "p95WorkflowLag", duration)
        slo.maxAbandonedSessions = try read(f, "maxAbandonedSessions", number)
        return slo
    }
}
