import Stochastics

/// A Latin hypercube sample of the unit cube: `count` points in `dimensions` dimensions,
/// each dimension cut into `count` equal strata with exactly one point in each, strata
/// paired at random between dimensions and each point placed at random in its stratum.
///
/// Every one-dimensional margin is stratified, so a share estimated from the points is never
/// much less precise than from independent points (Owen 1997: variance at most
/// n/(n−1) times), and much more precise when the answer depends mostly on a few inputs.
/// The points come from `stream` alone: same stream, same points.
public enum LatinHypercube {
    /// - Complexity: O(count × dimensions).
    public static func points(_ count: Int, dimensions: Int, stream: RandomStream) -> [[Double]] {
        guard count > 0 else { return [] }
        var out = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: count)
        for d in 0..<dimensions {
            var strata = Array(0..<count)
            // Fisher–Yates, from the end.
            for i in stride(from: count - 1, to: 0, by: -1) {
                strata.swapAt(i, stream.index(below: i + 1))
            }
            for i in 0..<count { out[i][d] = (Double(strata[i]) + stream.uniform()) / Double(count) }
        }
        return out
    }
}
