/// Whole numbers as a user writes them on a command line: `40,45,50`, `2...16`, or both
/// (`2...6,8,10`). Ranges are inclusive; `a..b` is accepted for `a...b`.
public enum IntegerList {
    /// The values of `text` in the order written. Throws a `PlanningError` naming `option`
    /// for anything else, an empty or descending range, or a repeated value.
    public static func parse(_ text: String, option: String) throws -> [Int] {
        var values: [Int] = []
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { String(String($0).trimmingBlanks()) }
        for item in items {
            guard !item.isEmpty else { throw PlanningError("\(option) \(text): empty item; write e.g. 40,45,50 or 2...16") }
            if let range = item.range(of: "...") ?? item.range(of: "..") {
                guard let low = Int(item[..<range.lowerBound]), let high = Int(item[range.upperBound...]) else {
                    throw PlanningError("\(option) \(text): '\(item)' is not a range of whole numbers like 2...16")
                }
                guard low <= high else { throw PlanningError("\(option) \(text): the range \(item) is empty (\(low) > \(high))") }
                guard case let (span, overflow) = high.subtractingReportingOverflow(low), !overflow, span < 100_000 else { throw PlanningError("\(option) \(text): the range \(item) is too long") }
                values += Array(low...high)
            } else {
                guard let value = Int(item) else {
                    throw PlanningError("\(option) \(text): '\(item)' is not a whole number; write e.g. 40,45,50 or 2...16")
                }
                values.append(value)
            }
        }
        // A set, not a scan of the values before each: a list may hold 100 000 values per range.
        var seen = Set<Int>()
        for value in values where !seen.insert(value).inserted {
            throw PlanningError("\(option) \(text): \(value) appears more than once")
        }
        return values
    }
}
