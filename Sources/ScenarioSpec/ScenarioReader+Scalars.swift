import Foundation
import Yams

/// Scalars: names, numbers, durations, booleans and keywords, each with its "expected X, got Y".
extension ScenarioReader {
    // MARK: Scalars

    static let nullTag = Tag.Name.null.rawValue
    static let boolTag = Tag.Name.bool.rawValue
    static let intTag = Tag.Name.int.rawValue
    static let floatTag = Tag.Name.float.rawValue

    static func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar = node.content { return node.tag.rawValue == nullTag }
        return false
    }

    /// What a node is, for "expected X, got Y".
    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            let text = ScenarioError.clip(scalar, limit: 40)
            switch node.tag.rawValue {
            case Self.nullTag: return "an empty value"
            case Self.boolTag: return "the boolean \(text)"
            case Self.intTag, Self.floatTag: return text
            default: return "the text '\(text)'"
            }
        }
    }

    func expected(_ what: String, _ node: YAMLNode, _ path: String) -> ScenarioError {
        error(node, path, "expected \(what), got \(describe(node))")
    }

    /// Any non-empty scalar, as written (names may look like numbers or booleans), without
    /// control characters or line breaks: names are echoed to terminals, CSV cells and file
    /// names, where an escape sequence or a newline would do harm.
    func text(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node.content, !Self.isNull(node) else { throw expected("a name", node, path) }
        if ScenarioError.escaped(scalar) != scalar {
            throw error(node, path, "'\(ScenarioError.clip(scalar))' contains a control character or line break; a name is one line of text")
        }
        return scalar
    }

    /// A plain decimal number: `400`, `-1`, `0.55`, `1e-3`.
    func number(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> Double {
        try number(node, path, what: "a number")
    }

    func number(_ node: YAMLNode, _ path: String, what: String) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = node.content else { throw expected(what, node, path) }
        let tag = node.tag.rawValue
        let value = Self.decimal(scalar)
        if tag == Self.intTag || tag == Self.floatTag {
            if let value { return value }
            throw error(node, path, "expected \(what) in plain decimal notation, got \(ScenarioError.clip(scalar))")
        }
        if tag == Tag.Name.str.rawValue, value != nil {
            throw error(node, path, "expected \(what), got the quoted text '\(ScenarioError.clip(scalar))'; remove the quotes")
        }
        if scalar.trimmingBlanks().hasSuffix("%") {
            throw error(node, path, "expected \(what), got \(describe(node)); write fractions such as 0.8, not percentages")
        }
        throw expected(what, node, path)
    }

    /// A whole number that fits in an `Int`.
    func integer(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> Int {
        let value = try number(node, path, what: "a whole number")
        guard value == value.rounded(), abs(value) < 9e15 else {
            throw error(node, path, "expected a whole number, got \(describe(node))")
        }
        return Int(value)
    }

    /// A whole number from 0 to 2⁶⁴ − 1.
    func unsigned(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> UInt64 {
        if case .scalar(let scalar) = node.content, node.tag.rawValue == Self.intTag {
            let digits = scalar.trimmingBlanks().drop { $0 == "+" }
            if let value = UInt64(digits) { return value }
        }
        _ = try number(node, path, what: "a whole number")
        throw error(node, path, "must be a whole number from 0 to \(UInt64.max), got \(describe(node))")
    }

    /// A duration in seconds: `90`, `250ms`, `30s`, `5m`, `1.5h`, `1d`.
    func duration(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = node.content, !Self.isNull(node), node.tag.rawValue != Self.boolTag else {
            throw error(node, path, "expected a duration, got \(describe(node)); \(DurationSyntax.accepted)")
        }
        if let seconds = DurationSyntax.parse(scalar) { return seconds }
        if scalar.trimmingBlanks().hasPrefix("-") {
            throw error(node, path, "a duration cannot be negative, got '\(ScenarioError.clip(scalar))'; \(DurationSyntax.accepted)")
        }
        throw error(node, path, "cannot read '\(ScenarioError.clip(scalar))' as a duration; \(DurationSyntax.accepted)")
    }

    func boolean(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> Bool {
        guard node.tag.rawValue == Self.boolTag, let value = node.bool else { throw expected("true or false", node, path) }
        return value
    }

    /// One of an enumeration's raw values.
    func keyword<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> T
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard case .scalar(let scalar) = node.content, !Self.isNull(node) else {
            throw expected("one of \(allowed.joined(separator: ", "))", node, path)
        }
        if let value = T(rawValue: scalar) { return value }
        throw error(node, path, Self.unknown("value", scalar, allowed))
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

}
