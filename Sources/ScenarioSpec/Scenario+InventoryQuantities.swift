/// The database inventory's numbers in the quantity table (`Scenario+Quantities.swift`): the
/// planner's counts and grooming settings (held by robust answers) and the per-item sizes and
/// rates that are assumptions (varied over their declared ranges).
extension Scenario {
    static func inventoryQuantities(_ inventory: ManagementGroup.Database.Inventory,
                                    at yamlPath: [ScenarioQuantity.Step]) -> [ScenarioQuantity] {
        typealias Q = ScenarioQuantity
        typealias I = ManagementGroup.Database.Inventory
        let field = "managementGroup.database.inventory"
        func q(_ name: String, _ path: [Q.Step], _ unit: Q.Unit, _ group: Q.Group,
               _ get: @escaping @Sendable (I) -> Double, _ set: @escaping @Sendable (inout I, Double) -> Void) -> Q {
            Q(field: field + "." + name, yamlPath: yamlPath + path, unit: unit, group: group,
              get: { $0.managementGroup.database.inventory.map(get) ?? 0 },
              set: { s, v in if s.managementGroup.database.inventory != nil { set(&s.managementGroup.database.inventory!, max(0, v)) } })
        }
        var out = [
            q("computers", [.key("computers")], .count, .inventoryCount, { Double($0.computers) }, { $0.computers = Int($1.rounded()) }),
            q("users", [.key("users")], .count, .inventoryCount, { Double($0.users) }, { $0.users = Int($1.rounded()) }),
            q("cisPerComputer", [.key("cisPerComputer")], .number, .cisPerComputer, { $0.cisPerComputer }, { $0.cisPerComputer = $1 }),
            q("rowsPerCI", [.key("rowsPerCI")], .number, .rowsPerItem, { $0.rowsPerCI }, { $0.rowsPerCI = max(1e-9, $1) }),
            q("bytesPerRow", [.key("bytesPerRow")], .number, .bytesPerRow, { $0.bytesPerRow }, { $0.bytesPerRow = max(1e-9, $1) }),
        ]
        for i in inventory.workItems.indices {
            let name = "workItems[\(i)]", path: [Q.Step] = [.key("workItems"), .index(i)]
            out += [
                q(name + ".perWeek", path + [.key("perWeek")], .number, .inventoryCount,
                  { $0.workItems[i].perWeek }, { $0.workItems[i].perWeek = $1 }),
                q(name + ".retention", path + [.key("retention")], .seconds, .inventoryCount,
                  { $0.workItems[i].retention }, { $0.workItems[i].retention = max(1, $1) }),
                q(name + ".rowsPerItem", path + [.key("rowsPerItem")], .number, .rowsPerItem,
                  { $0.workItems[i].effectiveRowsPerItem }, { $0.workItems[i].rowsPerItem = max(1e-9, $1) }),
                q(name + ".changesPerItem", path + [.key("changesPerItem")], .number, .changeRate,
                  { $0.workItems[i].changesPerItem }, { $0.workItems[i].changesPerItem = $1 }),
            ]
        }
        out += [
            q("history.retention", [.key("history"), .key("retention")], .seconds, .inventoryCount,
              { $0.history.retention }, { $0.history.retention = $1 }),
            q("history.rowsPerChange", [.key("history"), .key("rowsPerChange")], .number, .rowsPerItem,
              { $0.history.rowsPerChange }, { $0.history.rowsPerChange = $1 }),
            q("history.ciChangesPerWeek", [.key("history"), .key("ciChangesPerWeek")], .number, .changeRate,
              { $0.history.ciChangesPerWeek }, { $0.history.ciChangesPerWeek = $1 }),
            q("workingSet.recent", [.key("workingSet"), .key("recent")], .seconds, .workingSetAge,
              { $0.workingSet.recent }, { $0.workingSet.recent = max(1, $1) }),
            q("workingSet.coldReads", [.key("workingSet"), .key("coldReads")], .number, .coldReads,
              { $0.workingSet.coldReads }, { $0.workingSet.coldReads = min(1, $1) }),
        ]
        return out
    }
}
