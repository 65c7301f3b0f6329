import Foundation
import Stations
import Stochastics
import Yams

/// Reads scenario files (YAML) into `Scenario` values.
///
/// The YAML is composed into a node tree (`YAMLLimits.read`, or `Yams.compose` where that
/// scan cannot stand for it) and walked by hand, so that every error names the line, column
/// and field path of the value at fault:
/// `weekday.yaml:14:15: consoles.requests[2].weight: must be zero or positive, got -1`.
/// The keys, their types and defaults are declared once, in `ScenarioSchema`. After reading, the cross-field rules of `Scenario.validate()` are checked
/// and reported at the node they concern. `Documentation/Scenario.md` describes every field.
public enum ScenarioLoader {
    /// Reads and parses the scenario file at `path`.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text = try ScenarioFile.read(path)
        return try parse(yaml: text, file: path)
    }

    /// Parses a scenario from the bytes of a file (UTF-8 required); `file` names it in errors.
    public static func parse(bytes: [UInt8], file: String) throws(ScenarioError) -> Scenario {
        try parse(yaml: ScenarioFile.text(bytes, file: file), file: file)
    }

    /// Parses a scenario from `yaml`; `file` names it in error messages.
    public static func parse(yaml: String, file: String) throws(ScenarioError) -> Scenario {
        let composed: YAMLNode?
        switch YAMLLimits.read(yaml) {
        case .violation(let violation):
            throw ScenarioError(file: file, line: violation.line, column: violation.column,
                                field: violation.field, message: violation.message)
        case .document(let document):
            composed = document
        case .unsure:
            do {
                composed = try Yams.compose(yaml: yaml).map(YAMLNode.init)
            } catch {
                throw syntaxError(error, file: file, yaml: yaml)
            }
        }
        guard let root = composed, !ScenarioReader.isNull(root) else {
            throw ScenarioError(file: file, line: 1, column: 1, field: "(document)",
                                message: "the document is empty; a scenario needs at least name, duration and consoles")
        }
        let reader = ScenarioReader(file: file, root: root)
        let scenario = try ScenarioSchema.scenario.read(reader, root, "")
        // Of the broken rules, report the one nearest the top of the file.
        let errors = scenario.problems().map { reader.error(reader.node(for: $0.field), $0.field, $0.message) }
        if let first = errors.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) { throw first }
        return scenario
    }

    /// A Yams error as `FILE:LINE:COL: (syntax): MESSAGE`.
    private static func syntaxError(_ error: any Error, file: String, yaml: String) -> ScenarioError {
        func at(_ mark: Mark?, _ message: String) -> ScenarioError {
            at(mark?.line ?? 0, mark?.column ?? 0, message)
        }
        func at(_ line: Int, _ column: Int, _ message: String) -> ScenarioError {
            ScenarioError(file: file, line: line, column: column, field: "(syntax)", message: message)
        }
        func explain(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        guard let yamlError = error as? YamlError else { return at(nil, "\(error)") }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return at(mark, explain(problem, context))
        case .reader(let problem, let offset, _, _):
            guard let offset else { return at(nil, problem) }
            var line = 1
            var column = 1
            for character in yaml.prefix(offset) {
                if character.isNewline { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
            return at(line, column, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let what = duplicates.count == 1 ? "key \(keys) appears" : "keys \(keys) appear"
            return at(context.mark, "\(what) more than once in this mapping (first here); keys must be unique")
        default:
            return at(nil, "\(yamlError)")
        }
    }
}
