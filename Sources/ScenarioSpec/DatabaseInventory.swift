/// The Service Manager database described by what a planner counts — computers, users,
/// configuration items, work items a week and how long each is kept, the history each change
/// writes — instead of a row count. `DatabaseFootprint` turns it into rows, bytes and pages,
/// and splits the pages into a hot working set and a cold remainder.
///
/// Every per-item size is either sourced (Documentation/Sources.md, ledger ids in brackets) or
/// an assumption with its reason; none was set from the SQL memory rule (ledger F21), which is
/// a check.
extension ManagementGroup.Database {
    public struct Inventory: Sendable, Equatable {
        /// Computers in the group (S-HWPERF: 20 000 in Test 1, 50 000 in Test 2).
        public var computers = 0
        /// Users, one configuration item each (Active Directory users).
        public var users = 0
        /// Configuration items per computer: the computer and its hardware and software items.
        /// S-SUPP: 10–12 [F28].
        public var cisPerComputer = 11.0
        /// Database rows per configuration item (its entity, class, type and relationship rows).
        /// Anchored on Test 1 [F1]: about 2.5 M rows for about 250 000 CIs.
        public var rowsPerCI = 10.0
        /// Data and index bytes per row, on pages as full as they are in practice. Assumption:
        /// Service Manager's class tables are wide (dozens of mostly short text columns) and
        /// carry several nonclustered indexes; rows keyed by random GUIDs leave pages about
        /// two-thirds full. Range 1–4 KiB.
        public var bytesPerRow = 2048.0
        public var workItems: [WorkItems] = []
        public var history = History()
        public var workingSet = WorkingSet()
        public init() {}
    }

    /// One kind of work item: how many arrive a week, how long a closed one is kept.
    public struct WorkItems: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case incident, serviceRequest, changeRequest, problem, releaseRecord
        }
        public var kind: Kind
        public var perWeek: Double
        /// How long a closed item stays before grooming deletes it, seconds.
        public var retention: Double
        /// Rows per item; nil: the kind's default (`defaultRows`).
        public var rowsPerItem: Double?
        /// Saves over the item's life, each writing history. Assumption: created, assigned,
        /// updated twice, resolved or closed.
        public var changesPerItem = 5.0

        public init(kind: Kind, perWeek: Double, retention: Double) {
            self.kind = kind
            self.perWeek = perWeek
            self.retention = retention
        }

        /// Assumption: an incident or problem is twice a configuration item's 10 rows (its
        /// entity and class rows, relationships to the affected user, the assignee, the
        /// creator and affected items, and its action-log entries, each an object with a
        /// relationship); a service request, change request or release record carries its
        /// activities, each a work item of its own: twice that again.
        public static func defaultRows(_ kind: Kind) -> Double {
            switch kind {
            case .incident, .problem: 20
            case .serviceRequest, .changeRequest, .releaseRecord: 40
            }
        }

        public var effectiveRowsPerItem: Double { rowsPerItem ?? Self.defaultRows(kind) }
    }

    /// The change log every save writes (entity history, transaction log), trimmed by grooming.
    public struct History: Sendable, Equatable {
        /// How long history is kept before grooming deletes it, seconds. Assumption: a week
        /// (no default retention was published, scsm-facts §8).
        public var retention = 7.0 * 86_400
        /// Rows one change writes. Assumption: a copy of the changed class row in its log
        /// table, an entity change-log row and a share of a transaction-log row.
        public var rowsPerChange = 3.0
        /// Fraction of configuration items changed a week (connector and AD syncs).
        /// Assumption: one in twenty.
        public var ciChangesPerWeek = 0.05
        public init() {}
    }

    /// Which pages are hot. Configuration items are all hot: group calculation evaluates them
    /// every 30 s (S-PERF) and consoles open them from every work item. Work items and
    /// history younger than `recent` are hot; older retained ones are cold and take only
    /// `coldReads` of the page reads (searches and reports that reach back).
    public struct WorkingSet: Sendable, Equatable {
        /// Assumption: two weeks, an item's open life plus the recently closed items views show.
        public var recent = 14.0 * 86_400
        /// Assumption: one page read in twenty reaches data older than `recent`.
        public var coldReads = 0.05
        public init() {}
    }
}

/// A database's size and working set, from `rows × bytesPerRow` or from its inventory.
public struct DatabaseFootprint: Sendable, Equatable {
    /// One part of the database: configuration items, one kind of work item, or history.
    public struct Part: Sendable, Equatable {
        public var name: String
        public var rows: Double
        public var hotRows: Double
    }

    public static let pageBytes = 8192.0

    public var parts: [Part]
    public var bytesPerRow: Double
    /// Share of page reads that reach cold pages; 0 for a database given as rows.
    public var coldReads: Double

    public var rows: Double { parts.reduce(0) { $0 + $1.rows } }
    public var hotRows: Double { parts.reduce(0) { $0 + $1.hotRows } }
    public var bytes: Double { rows * bytesPerRow }
    /// 8-KiB pages, at least one.
    public var pages: Double { max(1, bytes / Self.pageBytes) }
    public var hotPages: Double { hotRows * bytesPerRow / Self.pageBytes }
    public var coldPages: Double { pages - hotPages }
}

extension ManagementGroup.Database {
    /// The database's size: its inventory's when it has one, else `rows × bytesPerRow`, every
    /// page hot (the model before inventories, kept for files that give `rows`).
    public var footprint: DatabaseFootprint {
        guard let inventory else {
            return DatabaseFootprint(parts: [.init(name: "rows", rows: rows, hotRows: rows)], bytesPerRow: bytesPerRow, coldReads: 0)
        }
        return inventory.footprint
    }
}

extension ManagementGroup.Database.Inventory {
    static let week = 7.0 * 86_400

    /// Configuration items: every computer's and one per user.
    public var configurationItems: Double { Double(computers) * cisPerComputer + Double(users) }

    /// Changes a week that write history: every work item's saves and the configuration items changed.
    public var changesPerWeek: Double {
        workItems.reduce(0) { $0 + $1.perWeek * $1.changesPerItem } + configurationItems * history.ciChangesPerWeek
    }

    /// Rows kept, part by part (Little's law: arrivals a week × weeks kept), and the hot share
    /// of each: configuration items all; work items and history the last `workingSet.recent`.
    /// Open items are counted with the closed ones: their open life is short beside retention.
    public var footprint: DatabaseFootprint {
        let recent = workingSet.recent
        var parts = [DatabaseFootprint.Part(name: "configuration items", rows: configurationItems * rowsPerCI,
                                            hotRows: configurationItems * rowsPerCI)]
        for w in workItems {
            let perWeek = w.perWeek * w.effectiveRowsPerItem
            parts.append(.init(name: w.kind.rawValue, rows: perWeek * w.retention / Self.week,
                               hotRows: perWeek * min(w.retention, recent) / Self.week))
        }
        let history = changesPerWeek * self.history.rowsPerChange
        parts.append(.init(name: "history", rows: history * self.history.retention / Self.week,
                           hotRows: history * min(self.history.retention, recent) / Self.week))
        return DatabaseFootprint(parts: parts, bytesPerRow: bytesPerRow, coldReads: workingSet.coldReads)
    }
}
