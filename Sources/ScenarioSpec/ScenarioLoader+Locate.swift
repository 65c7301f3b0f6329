import Yams

extension ScenarioLoader {
    /// A problem found after loading (a refusal by an estimate, say) located like the
    /// loader's own errors: at the line of `field` in the file, or of the nearest enclosing
    /// field written there, or at the top of the document when none is.
    public static func error(file: String, yaml: String, field: String, message: String) -> ScenarioError {
        let root = (try? Yams.compose(yaml: yaml)) ?? nil
        var node = root
        var found = root
        for component in field.split(separator: ".") {
            var key = Substring(component)
            var indices: [Int] = []
            while key.hasSuffix("]"), let open = key.lastIndex(of: "[") {
                indices.insert(Int(key[key.index(after: open)..<key.index(before: key.endIndex)]) ?? -1, at: 0)
                key = key[..<open]
            }
            node = node?.mapping?[String(key)]
            for index in indices {
                guard let items = node?.sequence, items.indices.contains(index) else { node = nil; break }
                node = items[index]
            }
            guard let node else { break }
            found = node
        }
        let mark = found?.mark
        return ScenarioError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, field: field, message: message)
    }
}
