/// The one CSV dialect smsim writes and reads: fields separated by commas, records by line
/// feeds; a field holding a comma, a double quote, a line feed or a carriage return is put in
/// double quotes, with each double quote in it doubled. Names from scenario files (scenarios,
/// servers, connectors) may hold any of these and still keep their column.

/// Quotes a text field when it needs it.
package func csvField(_ text: String) -> String {
    // Scalars, not characters: "\r\n" is one Character, equal to neither line break alone.
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// The records of a CSV text in the dialect `csvField` writes, each a list of unquoted fields.
/// A CRLF ends a record as LF does; blank lines are skipped; a quote left open runs to the end.
public func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var iterator = text.unicodeScalars.makeIterator()
    func endRecord() {
        record.append(field)
        field = ""
        if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
        record = []
    }
    while let c = iterator.next() {
        if quoted {
            if c == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(c) }
            continue
        }
        switch c {
        case "\"":
            // A doubled quote inside a quoted field reads as one quote.
            if afterQuote { field.unicodeScalars.append(c) }
            quoted = true
        case ",":
            record.append(field)
            field = ""
        case "\n":
            endRecord()
        case "\r":
            break
        default:
            field.unicodeScalars.append(c)
        }
        afterQuote = false
    }
    if !field.isEmpty || !record.isEmpty { endRecord() }
    return records
}
