import ScenarioSpec

/// A problem with a counter log or counter map, located in its file:
/// `FILE:LINE:COL: error: MESSAGE`, always one line. Lines and columns count from 1; a
/// problem with the file as a whole (it cannot be read) is at line 0, column 0.
public struct CounterLogError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): error: \(ScenarioError.oneLine(message))"
    }
}
