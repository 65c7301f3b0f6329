/// "Did you mean": the allowed word nearest a misspelt one.
extension ScenarioReader {
    /// `Name 'x' (did you mean 'y'?); allowed: a, b, c`.
    static func unknown(_ kind: String, _ name: String, _ allowed: [String]) -> String {
        let hint = suggestion(for: name, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown \(kind) '\(ScenarioError.clip(name))'\(hint); expected one of \(allowed.joined(separator: ", "))"
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

}
