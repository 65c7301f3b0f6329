import CYaml

/// Limits on a scenario's YAML, checked on the parser's event stream before any tree is built.
///
/// Anchors and aliases let a few lines stand for an enormous tree (each level a list of ten
/// aliases of the level before), and merge keys (`<<: [*a, *a]`) copy that tree into a
/// mapping. So the scan counts nodes as they would be after expanding every alias, and stops
/// at the first alias that takes the count over `maxNodes`, at that alias's line — in time
/// and memory proportional to the file, whatever it expands to. It also refuses an alias or a
/// list or mapping used as a mapping key (comparing such keys means expanding them), reports
/// a duplicated key at the duplicate, and refuses nesting deeper than `maxDepth` before the
/// YAML library's own limit produces a message about its internals.
enum YAMLLimits {
    /// Largest scenario file read, in bytes. Real scenarios are a few kilobytes.
    static let maxBytes = 4 << 20
    /// Most nodes (scalars, lists, mappings) in the document with every alias expanded.
    static let maxNodes = 200_000
    /// Deepest nesting of lists and mappings.
    static let maxDepth = 64

    /// A problem found by the scan: where, which field, what.
    struct Violation: Error {
        var line: Int
        var column: Int
        var field: String
        var message: String
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        /// Nodes in this collection so far, itself included, aliases expanded.
        var size = 1
        /// Mapping: whether the next event is a key; the key being read; keys seen, with their line.
        var expectsKey = true
        var key: String?
        var keys: [String: Int] = [:]
        /// Sequence: index of the next item.
        var index = 0
    }

    /// Scans `yaml`; returns the first violation, or nil. Syntax errors end the scan quietly:
    /// the YAML library reports them again, with its usual message, when the tree is built.
    static func check(_ yaml: String) -> Violation? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Violation? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    private static func scan(_ parser: inout yaml_parser_t) -> Violation? {
        var stack: [Frame] = []
        var anchors: [String: Int] = [:]
        var total = 0

        func path() -> String {
            var result = ""
            for frame in stack {
                if frame.isMapping {
                    guard let key = frame.key else { break }
                    result += result.isEmpty ? key : "." + key
                } else {
                    result += "[\(frame.index)]"
                }
            }
            return result.isEmpty ? "(document)" : result
        }
        func violation(_ mark: yaml_mark_t, _ message: String) -> Violation {
            Violation(line: mark.line + 1, column: mark.column + 1, field: path(), message: message)
        }
        /// A finished node of `size` nodes (anchored as `anchor`) added to its parent.
        func finish(_ size: Int, anchor: String?) {
            if let anchor { anchors[anchor] = size }
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].size = min(stack[stack.count - 1].size + size, maxNodes + 1)
            if stack[stack.count - 1].isMapping {
                if !stack[stack.count - 1].expectsKey { stack[stack.count - 1].key = nil } // its value is done
                stack[stack.count - 1].expectsKey.toggle()
            } else {
                stack[stack.count - 1].index += 1
            }
        }
        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        var atKey: Bool { stack.last.map { $0.isMapping && $0.expectsKey } ?? false }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // The library's scanner reads ahead in flow lists (`[[[[…`), so its own nesting
                // limit can come before ours; say it the same way.
                let problem = parser.problem.map { String(cString: $0) } ?? ""
                guard problem.contains("nesting level") else { return nil }
                return violation(parser.problem_mark, "lists and mappings are nested more than \(maxDepth) levels deep")
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                total += 1
                if atKey {
                    let key = scalar.value.map {
                        String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                    } ?? ""
                    let last = stack.count - 1
                    if let first = stack[last].keys[key] {
                        stack[last].key = key
                        return violation(mark, "key '\(ScenarioError.clip(key))' appears more than once in this mapping (first at line \(first)); keys must be unique")
                    }
                    stack[last].keys[key] = mark.line + 1
                    finish(1, anchor: string(scalar.anchor))
                    stack[last].key = key
                } else {
                    finish(1, anchor: string(scalar.anchor))
                }
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                if atKey {
                    return violation(mark, "an alias (*\(ScenarioError.clip(name))) cannot be a key; write the key's name")
                }
                let size = anchors[name] ?? 1
                total = min(total + size, maxNodes + 1)
                if total > maxNodes {
                    return violation(mark, "the alias *\(ScenarioError.clip(name)) takes the document over \(maxNodes) nodes once aliases and merges are expanded; a scenario is far smaller")
                }
                finish(size, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if atKey {
                    return violation(mark, "keys must be plain names, got \(isMapping ? "a mapping" : "a list")")
                }
                guard stack.count < maxDepth else {
                    return violation(mark, "lists and mappings are nested more than \(maxDepth) levels deep")
                }
                total += 1
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, anchor: string(anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                finish(frame.size, anchor: frame.anchor)
            default:
                break
            }
            if total > maxNodes {
                return violation(mark, "the document has more than \(maxNodes) nodes; a scenario is far smaller")
            }
        }
    }
}
