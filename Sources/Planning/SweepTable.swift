import RunOutput
import ScenarioSpec
import Statistics

/// The columns of `sweep.csv`: one row per point, its identity, then mean and 95 % half-width
/// of each summary metric at station `all` and of the database's utilization.
public enum SweepTable {
    /// Summary metrics at station `all`, in the order `summary.csv` lists them.
    public static let allStationMetrics = Metric.groupWide

    /// Database metrics, each in a column named `database_<metric>`.
    public static let databaseMetrics: [Metric] = [.utilization, .utilizationPeak]

    /// The column name of a database metric (before its `_mean` or `_ci95` suffix).
    public static func databaseColumn(_ metric: Metric) -> String { "database_\(metric.csvName)" }

    static let identityHeader = "point_index,scenario,consoles,ratio,servers,down,replications"

    /// The header line, without its line break.
    public static var header: String {
        let names = allStationMetrics.map(\.csvName) + databaseMetrics.map(databaseColumn)
        return identityHeader + "," + names.map { "\($0)_mean,\($0)_ci95" }.joined(separator: ",")
    }

    /// The identity columns of `point` run with `replications` replications, without a
    /// trailing comma; without the replications column when that is not known in advance.
    static func identity(_ point: SweepPoint, replications: Int?) -> String {
        "\(point.index),\(csvField(point.scenario.name)),\(point.consoles),\(point.ratio.map(String.init) ?? ""),"
            + "\(point.servers),\(point.down)" + (replications.map { ",\($0)" } ?? "")
    }

    /// One line of `sweep.csv`, with its line break.
    public static func row(_ point: SweepPoint, report: RunReport) -> String {
        var fields = [identity(point, replications: report.replications.count)]
        func add(_ estimate: Estimate?) {
            fields.append(estimate.map { NumberFormat.csv($0.mean) } ?? "")
            fields.append(estimate.map { NumberFormat.csv($0.halfWidth) } ?? "")
        }
        for metric in allStationMetrics { add(report.estimate(metric, station: "all")) }
        let database = point.scenario.managementGroup.database.name
        for metric in databaseMetrics { add(report.estimate(metric, station: database)) }
        return fields.joined(separator: ",") + "\n"
    }

    /// The point index at the start of a row; nil if the row does not start with one.
    static func pointIndex(of row: Substring) -> Int? {
        Int(row.prefix { $0 != "," })
    }
}
