import Yams

/// One node of a scenario file's YAML document, as the reader uses it: a scalar's text, a
/// mapping's pairs in file order or a list's items, with the node's tag and position.
///
/// `YAMLLimits.read` builds the tree on the same pass over the parser's events that checks
/// the limits. It is the tree `Yams.compose` gives (aliases stand for the node they name; a
/// plain scalar's tag is resolved by the YAML 1.1 rules of Yams' default resolver) without
/// that resolver's regular expressions, whose set-up alone cost as much as reading the rest
/// of the file. Where the scan cannot stand for Yams, Yams composes the tree (`init(_:)`).
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(String)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    /// Line and column, from 1, of where the node starts (libyaml counts Unicode scalars).
    struct Mark: Sendable {
        var line: Int
        var column: Int
    }

    var content: Content
    /// The resolved tag: `tag:yaml.org,2002:int` for `42`, `…:str` for `'42'`.
    var tag: Tag.Name
    var mark: Mark

    /// The tree Yams composed (aliases already resolved to the nodes they name).
    init(_ node: Node) {
        mark = Mark(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        tag = Tag.Name(rawValue: node.tag.rawValue)
        switch node {
        case .scalar(let scalar): content = .scalar(scalar.string)
        case .mapping(let mapping): content = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) })
        case .sequence(let sequence): content = .sequence(sequence.map(YAMLNode.init))
        case .alias: preconditionFailure("Yams composes an alias into the node it names")
        }
    }

    init(_ content: Content, tag: Tag.Name, mark: Mark) {
        self.content = content
        self.tag = tag
        self.mark = mark
    }

    /// The value as a boolean, as Yams reads one (`true`, `Yes`, `off`, …), or nil.
    var bool: Bool? {
        guard case .scalar(let text) = content, tag != .str else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

extension YAMLNode {
    /// The tag of a plain (unquoted, untagged) scalar: the first of Yams' default rules
    /// (bool, int, float, merge, null, timestamp, value) whose pattern matches, else `str`.
    /// Text of ASCII without line breaks is matched here; anything else (where `$` in the
    /// patterns could match before a final line break) goes to Yams' own resolver.
    static func plainTag(_ text: String) -> Tag.Name {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0B && $0 != 0x0C && $0 != 0x0D }) else {
            return Resolver.default.resolveTag(of: .scalar(.init(text)))
        }
        switch text {
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
             "on", "On", "ON", "off", "Off", "OFF": return .bool
        default: break
        }
        let scan = PlainScalarPattern(bytes)
        if scan.isInt { return .int }
        if scan.isFloat { return .float }
        switch text {
        case "<<": return .merge
        case "", "~", "null", "Null", "NULL": return .null
        case "=": return .value
        default: break
        }
        return scan.isTimestamp ? .timestamp : .str
    }
}
