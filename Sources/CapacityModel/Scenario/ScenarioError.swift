/// A problem with a scenario, located in its file: `FILE:LINE:COL: FIELD: MESSAGE`.
///
/// `field` is the path of the offending value in the YAML tree (`consoles.requests[2].weight`,
/// sequence indices counted from 0), or one of `(file)` (the file could not be read, line 0
/// column 0), `(syntax)` (the text is not well-formed YAML) and `(document)` (the document is
/// empty or not a mapping). Lines and columns count from 1. Errors from `Scenario.validate()`
/// on a scenario built in code have file `(scenario)` and line and column 0.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var field: String
    public var message: String

    public init(file: String, line: Int, column: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `FILE:LINE:COL: FIELD: MESSAGE`, always a single line.
    public var description: String {
        "\(file):\(line):\(column): \(field): \(Self.oneLine(message))"
    }

    /// Collapses line breaks and runs of blanks so a message always prints as one line.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isNewline || character == "\t" || character == " " {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
