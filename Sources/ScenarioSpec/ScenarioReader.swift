import Yams


/// One mapping of the file, its keys checked against the allowed ones.
struct ScenarioFields {
    let path: String
    let node: YAMLNode
    /// Keys in file order (explicit keys, then keys brought in by `<<` merges).
    let order: [String]
    let entries: [String: (key: YAMLNode, value: YAMLNode)]

    func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

/// Walks the composed tree, converting and recording the node behind every field path.
final class ScenarioReader {
    let file: String
    let root: YAMLNode
    /// The node each field path was read from, for placing errors found later.
    private var nodes: [String: YAMLNode] = [:]

    init(file: String, root: YAMLNode) {
        self.file = file
        self.root = root
    }

    // MARK: Errors and positions

    func error(_ node: YAMLNode?, _ field: String, _ message: String) -> ScenarioError {
        let mark = node?.mark
        return ScenarioError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                             field: field.isEmpty ? "(document)" : field, message: message)
    }

    /// The node read for `field`, or for the nearest enclosing field that was in the file.
    func node(for field: String) -> YAMLNode {
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


    // MARK: Mappings and lists

    /// `node` as a mapping whose keys are all in `allowed`; `<<` merge keys are followed.
    func fields(_ node: YAMLNode, _ path: String, _ allowed: [String], what: String = "a mapping") throws(ScenarioError) -> ScenarioFields {
        guard case .mapping = node.content else {
            if path.isEmpty {
                throw error(node, "(document)", "a scenario must be a mapping of keys (name, duration, consoles, …), got \(describe(node))")
            }
            throw expected(what, node, path)
        }
        var order: [String] = []
        var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (key, value) in try pairs(node, path, depth: 0) {
            guard case .scalar(let scalar) = key.content, !Self.isNull(key) else {
                throw error(key, path, "keys must be plain names, got \(describe(key))")
            }
            let name = scalar
            guard allowed.contains(name) else {
                let field = (path.isEmpty ? "" : path + ".") + ScenarioError.clip(name)
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
    private func pairs(_ node: YAMLNode, _ path: String, depth: Int) throws(ScenarioError) -> [(YAMLNode, YAMLNode)] {
        guard case .mapping(let mapping) = node.content else { return [] }
        guard depth < 32 else { throw error(node, path, "merge keys (<<) nested too deeply") }
        var own: [(YAMLNode, YAMLNode)] = []
        var merged: [(YAMLNode, YAMLNode)] = []
        for (key, value) in mapping {
            if case .scalar(let scalar) = key.content, scalar == "<<", key.tag.rawValue == Tag.Name.merge.rawValue {
                let sources: [YAMLNode]
                switch value.content {
                case .mapping: sources = [value]
                case .sequence(let list) where list.allSatisfy({ if case .mapping = $0.content { true } else { false } }):
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
    func optional(_ fields: ScenarioFields, _ key: String) -> YAMLNode? {
        guard let entry = fields.entries[key], !Self.isNull(entry.value) else { return nil }
        nodes[fields.child(key)] = entry.value
        return entry.value
    }

    /// The value of `key`; a missing key is reported at the enclosing mapping.
    func required(_ fields: ScenarioFields, _ key: String) throws(ScenarioError) -> YAMLNode {
        guard let entry = fields.entries[key] else {
            throw error(fields.node, fields.child(key), "required key '\(key)' is missing")
        }
        nodes[fields.child(key)] = entry.value
        return entry.value
    }

    func read<T>(_ fields: ScenarioFields, _ key: String,
                 _ convert: (YAMLNode, String) throws(ScenarioError) -> T) throws(ScenarioError) -> T? {
        guard let node = optional(fields, key) else { return nil }
        return try convert(node, fields.child(key))
    }

    func need<T>(_ fields: ScenarioFields, _ key: String,
                 _ convert: (YAMLNode, String) throws(ScenarioError) -> T) throws(ScenarioError) -> T {
        try convert(required(fields, key), fields.child(key))
    }

    func set<T>(_ target: inout T, _ fields: ScenarioFields, _ key: String,
                _ convert: (YAMLNode, String) throws(ScenarioError) -> T) throws(ScenarioError) {
        if let value = try read(fields, key, convert) { target = value }
    }

    /// The items of a list, each with its path (`path[i]`).
    func items(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> [(node: YAMLNode, path: String)] {
        guard case .sequence(let sequence) = node.content else { throw expected("a list", node, path) }
        nodes[path] = node
        return sequence.enumerated().map { i, item in
            let itemPath = "\(path)[\(i)]"
            nodes[itemPath] = item
            return (item, itemPath)
        }
    }
}
