import Yams

/// `managementGroup.database.inventory`: the database described by what a planner counts
/// (`DatabaseInventory.swift`); with it the database's rows, pages and working set are derived.
extension ScenarioSchema {
    typealias Inventory = ManagementGroup.Database.Inventory

    static var inventory: Section<Inventory, Inventory> {
        Section(start: Inventory(), fields: [
            Field("computers", \.computers, .integer, .required, bound: .atLeast(0), doc: "Computers in the group."),
            Field("users", \.users, .integer, .required, bound: .atLeast(0), doc: "Users, one configuration item each."),
            Field("cisPerComputer", \.cisPerComputer, .number, bound: .nonNegative, default: "11",
                  doc: "Configuration items per computer, the computer's own included (S-SUPP: 10–12)."),
            Field("rowsPerCI", \.rowsPerCI, .number, bound: .positive, default: "10",
                  doc: "Database rows per configuration item (Test 1: 2.5 M rows for 250 000 CIs)."),
            Field("bytesPerRow", \.bytesPerRow, .number, bound: .positive, default: "2048",
                  doc: "Data and index bytes per row, page fill included."),
            Field("workItems", \.workItems, .list(workItems), default: "none", doc: "Work items by kind."),
            Field("history", \.history, .section(history), default: "see below", doc: "The change log grooming trims."),
            Field("workingSet", \.workingSet, .section(workingSet), default: "see below", doc: "Which pages are hot."),
        ]) { inventory, f, reader throws(ScenarioError) in
            try oneEntryPerKind(inventory, f, reader)
        }
    }

    static func oneEntryPerKind(_ inventory: Inventory, _ f: ScenarioFields, _ reader: ScenarioReader) throws(ScenarioError) {
        var seen: Set<ManagementGroup.Database.WorkItems.Kind> = []
        for (i, item) in inventory.workItems.enumerated() where !seen.insert(item.kind).inserted {
            let path = f.child("workItems") + "[\(i)].kind"
            throw reader.error(reader.node(for: path), path, "\(item.kind.rawValue) appears twice: give one entry per kind")
        }
    }

    static var workItems: Section<ManagementGroup.Database.WorkItems, ManagementGroup.Database.WorkItems> {
        Section(what: "a kind of work item { kind: incident, perWeek: 5000, retention: 90d }",
                start: ManagementGroup.Database.WorkItems(kind: .incident, perWeek: 0, retention: 0), fields: [
            Field("kind", \.kind, .keyword, .required, doc: "The work item class."),
            Field("perWeek", \.perWeek, .number, .required, bound: .nonNegative, doc: "Items created a week."),
            Field("retention", \.retention, .duration, .required, bound: .positive,
                  doc: "How long a closed item is kept before grooming deletes it."),
            Field("rowsPerItem", \.rowsPerItem, .number, bound: .positive,
                  default: "20 (incident, problem), 40 (serviceRequest, changeRequest, releaseRecord)", doc: "Rows per item."),
            Field("changesPerItem", \.changesPerItem, .number, bound: .nonNegative, default: "5",
                  doc: "Saves over an item's life; each writes history."),
        ])
    }

    static var history: Section<ManagementGroup.Database.History, ManagementGroup.Database.History> {
        Section(start: ManagementGroup.Database.History(), fields: [
            Field("retention", \.retention, .duration, bound: .nonNegative, default: "7d",
                  doc: "How long history is kept before grooming deletes it."),
            Field("rowsPerChange", \.rowsPerChange, .number, bound: .nonNegative, default: "3", doc: "Rows one change writes."),
            Field("ciChangesPerWeek", \.ciChangesPerWeek, .number, bound: .nonNegative, default: "0.05",
                  doc: "Fraction of configuration items changed a week."),
        ])
    }

    static var workingSet: Section<ManagementGroup.Database.WorkingSet, ManagementGroup.Database.WorkingSet> {
        Section(start: ManagementGroup.Database.WorkingSet(), fields: [
            Field("recent", \.recent, .duration, bound: .positive, default: "14d",
                  doc: "Work items and history younger than this are hot."),
            Field("coldReads", \.coldReads, .number, bound: .between(0, 1), default: "0.05",
                  doc: "Share of page reads that reach older data."),
        ])
    }

    /// `rows` and `bytesPerRow` describe the database by a count; `inventory` replaces both.
    static func oneDatabaseSize(_ f: ScenarioFields, _ reader: ScenarioReader) throws(ScenarioError) {
        guard reader.optional(f, "inventory") != nil else { return }
        for key in ["rows", "bytesPerRow"] {
            guard let node = reader.optional(f, key) else { continue }
            throw reader.error(node, f.child(key), key == "rows"
                ? "give rows (a count) or inventory (what the database holds), not both"
                : "bytesPerRow goes with rows; with inventory give inventory.bytesPerRow")
        }
    }
}
