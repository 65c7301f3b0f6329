/// Series colours: every series of a figure gets its own. The first ten are the Tableau 10
/// set (distinct for most colour vision); beyond them come ten more from Tableau 20's darker
/// and lighter tones, then greys. The database is always drawn in near-black so it reads as
/// "not a management server" in every figure.
enum Palette {
    static let colours = [
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
        "#9c755f", "#17becf", "#1f3d7a", "#8c564b", "#2ca02c", "#d62728", "#9467bd", "#bcbd22",
        "#7f7f7f", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d",
    ]
    static let database = "#222222"
    static let total = "#555555"
    /// The database's storage: its own dark tone, drawn dashed next to the database's CPU.
    static let storage = "#7a1f3d"

    /// The colour of series `index` (0-based); past the list, colours repeat and the caller
    /// draws them dashed (see `dashed(_:)`), so two series still never look alike.
    static func colour(_ index: Int) -> String { colours[index % colours.count] }
    static func dashed(_ index: Int) -> Bool { index >= colours.count }
}
