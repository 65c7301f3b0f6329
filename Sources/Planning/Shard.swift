/// One of n slices of a sweep's points: shard i (1-based) takes the points whose index
/// ≡ i − 1 (mod n), so every shard gets a spread of the grid and together they cover it once.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
    /// 1...count.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw PlanningError("shard count must be at least 1, got \(count)") }
        guard (1...count).contains(index) else {
            throw PlanningError("shard \(index)/\(count): the shard number must be from 1 to \(count)")
        }
        self.index = index
        self.count = count
    }

    /// `i/n`, e.g. `2/8`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(String(parts[0]).trimmingBlanks()), let n = Int(String(parts[1]).trimmingBlanks()) else {
            throw PlanningError("shard '\(text)': write i/n, e.g. 2/8 for the second of eight shards")
        }
        try self.init(index: i, count: n)
    }

    public func contains(pointIndex: Int) -> Bool { pointIndex % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
    /// A directory or file name part: `shard-2-of-8`.
    public var slug: String { "shard-\(index)-of-\(count)" }
}
