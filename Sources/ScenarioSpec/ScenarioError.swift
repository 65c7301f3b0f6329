/// A problem with a scenario, located in its file: `FILE:LINE:COL: error: FIELD: MESSAGE`.
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

    /// `FILE:LINE:COL: error: FIELD: MESSAGE`, the form compilers use (editors and CI problem
    /// matchers pick it up); always a single line, control characters escaped.
    public var description: String {
        "\(Self.escaped(file)):\(line):\(column): error: \(Self.escaped(field)): \(Self.escaped(Self.oneLine(message)))"
    }

    /// Text from the file as echoed in a message: control characters escaped (an escape
    /// sequence must not retitle or clear the terminal) and cut to about `limit` characters.
    static func clip(_ text: String, limit: Int = 60) -> String {
        let escaped = escaped(text)
        guard escaped.count > limit else { return escaped }
        return String(escaped.prefix(limit)) + "… (\(text.utf8.count) bytes)"
    }

    /// Control characters (C0, DEL, C1) and line breaks as `\u{1B}`.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Collapses line breaks and runs of blanks so a message always prints as one line.
    package static func oneLine(_ text: String) -> String {
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
