import CYaml
import Yams

/// Limits on a scenario's YAML, checked on the parser's event stream as the tree is built.
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
        /// The node being built: its tag, its position, and the pairs or items read so far.
        var tag: Tag.Name
        var mark: YAMLNode.Mark
        var keyNode: YAMLNode?
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var items: [YAMLNode] = []

        var node: YAMLNode { YAMLNode(isMapping ? .mapping(pairs) : .sequence(items), tag: tag, mark: mark) }
    }

    /// What a scan found: the first violation; or the document's tree (nil when the stream
    /// holds no document); or `unsure` when the scan cannot stand for Yams (a syntax error, an
    /// alias to no anchor, a second document, a byte-order mark in the text), so that Yams
    /// composes the tree and words its error.
    enum Reading {
        case violation(Violation)
        case document(YAMLNode?)
        case unsure
    }

    /// Scans `yaml`, building its tree as it checks the limits. Syntax errors end the scan
    /// quietly: Yams reports them again, with its usual message.
    static func read(_ yaml: String) -> Reading {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .unsure }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        let byteOrderMark = bytes.indices.contains { i in bytes[i] == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF }
        let reading = bytes.withUnsafeMutableBufferPointer { buffer -> Reading in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
        if case .document = reading, byteOrderMark { return .unsure }
        return reading
    }

    private static func scan(_ parser: inout yaml_parser_t) -> Reading {
        var stack: [Frame] = []
        var anchors: [String: (size: Int, node: YAMLNode)] = [:]
        var total = 0
        var root: YAMLNode?
        var unsure = false

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
        func violation(_ mark: yaml_mark_t, _ message: String) -> Reading {
            .violation(Violation(line: mark.line + 1, column: mark.column + 1, field: path(), message: message))
        }
        /// A finished `node` of `size` nodes (anchored as `anchor`) added to its parent.
        func finish(_ node: YAMLNode, _ size: Int, anchor: String?) {
            if let anchor { anchors[anchor] = (size, node) }
            guard !stack.isEmpty else {
                if root != nil { unsure = true } // a second document
                root = node
                return
            }
            let last = stack.count - 1
            stack[last].size = min(stack[last].size + size, maxNodes + 1)
            if stack[last].isMapping {
                if stack[last].expectsKey {
                    stack[last].keyNode = node
                } else {
                    stack[last].key = nil // its value is done
                    stack[last].pairs.append((stack[last].keyNode!, node))
                }
                stack[last].expectsKey.toggle()
            } else {
                stack[last].items.append(node)
                stack[last].index += 1
            }
        }
        func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        func position(_ mark: yaml_mark_t) -> YAMLNode.Mark { YAMLNode.Mark(line: mark.line + 1, column: mark.column + 1) }
        /// A collection's tag as Yams resolves it: its own, or `map` / `seq` when implicit or `!`.
        func collectionTag(_ tag: String?, implicit: Int32, isMapping: Bool) -> Tag.Name {
            guard implicit == 0, let tag, tag != "!" else { return isMapping ? .map : .seq }
            return Tag.Name(rawValue: tag)
        }
        var atKey: Bool { stack.last.map { $0.isMapping && $0.expectsKey } ?? false }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // The library's scanner reads ahead in flow lists (`[[[[…`), so its own nesting
                // limit can come before ours; say it the same way.
                let problem = parser.problem.map { String(cString: $0) } ?? ""
                guard problem.contains("nesting level") else { return .unsure }
                return violation(parser.problem_mark, "lists and mappings are nested more than \(maxDepth) levels deep")
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return unsure ? .unsure : .document(root)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                total += 1
                let text = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
                let tag: Tag.Name
                if scalar.quoted_implicit == 1 {
                    tag = .str
                } else if let explicit = string(scalar.tag) {
                    tag = explicit == "!" ? .str : Tag.Name(rawValue: explicit)
                } else {
                    tag = YAMLNode.plainTag(text)
                }
                let node = YAMLNode(.scalar(text), tag: tag, mark: position(mark))
                if atKey {
                    let last = stack.count - 1
                    if let first = stack[last].keys[text] {
                        stack[last].key = text
                        return violation(mark, "key '\(ScenarioError.clip(text))' appears more than once in this mapping (first at line \(first)); keys must be unique")
                    }
                    stack[last].keys[text] = mark.line + 1
                    finish(node, 1, anchor: string(scalar.anchor))
                    stack[last].key = text
                } else {
                    finish(node, 1, anchor: string(scalar.anchor))
                }
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                if atKey {
                    return violation(mark, "an alias (*\(ScenarioError.clip(name))) cannot be a key; write the key's name")
                }
                let anchored = anchors[name]
                let size = anchored?.size ?? 1
                total = min(total + size, maxNodes + 1)
                if total > maxNodes {
                    return violation(mark, "the alias *\(ScenarioError.clip(name)) takes the document over \(maxNodes) nodes once aliases and merges are expanded; a scenario is far smaller")
                }
                if anchored == nil { unsure = true }
                finish(anchored?.node ?? YAMLNode(.scalar(""), tag: .null, mark: position(mark)), size, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if atKey {
                    return violation(mark, "keys must be plain names, got \(isMapping ? "a mapping" : "a list")")
                }
                guard stack.count < maxDepth else {
                    return violation(mark, "lists and mappings are nested more than \(maxDepth) levels deep")
                }
                total += 1
                let (anchor, tag, implicit) = isMapping
                    ? (event.data.mapping_start.anchor, event.data.mapping_start.tag, event.data.mapping_start.implicit)
                    : (event.data.sequence_start.anchor, event.data.sequence_start.tag, event.data.sequence_start.implicit)
                stack.append(Frame(isMapping: isMapping, anchor: string(anchor),
                                   tag: collectionTag(string(tag), implicit: implicit, isMapping: isMapping),
                                   mark: position(mark)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return .unsure }
                finish(frame.node, frame.size, anchor: frame.anchor)
            default:
                break
            }
            if total > maxNodes {
                return violation(mark, "the document has more than \(maxNodes) nodes; a scenario is far smaller")
            }
        }
    }
}
