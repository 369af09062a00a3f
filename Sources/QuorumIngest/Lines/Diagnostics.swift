/// Collects warnings as the stages run.
struct Diagnostics {
    var warnings: [IngestWarning] = []

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(IngestWarning(line: line, message: message))
    }

    /// Records text that no stage recognised, and warns once per run of consecutive lines.
    /// The words of the notice for text kept as unparsed, which the records' own flags replace.
    static let unrecognisedNotice = "text not recognised, kept as unparsed: "

    mutating func unrecognised(_ lines: [SourceLine], into bucket: inout [String], context: String) {
        for line in lines {
            bucket.append(line.text)
            warn(line.number, "\(context): \(Self.unrecognisedNotice)\"\(line.text.excerpt)\"")
        }
    }
}

extension String {
    /// The first 60 characters, for messages.
    var excerpt: String { count <= 60 ? self : String(prefix(57)) + "…" }
}

/// Finds the value of a "Label:" line, or of a two-cell row whose first cell is the label.
func labelledValue(_ line: SourceLine, _ labels: [String]) -> String? {
    if let cells = line.cells {
        let filled = cells.map(\.text).filter { !$0.isEmpty }
        if filled.count >= 2 {
            let head = filled[0].trimmingTrailing([":"]).lowercased()
            if labels.contains(where: { $0.lowercased() == head }) { return filled.dropFirst().joined(separator: " ") }
        }
    }
    for label in labels {
        if line.text.hasPrefixCI(label + ":") { return String(line.text.dropFirst(label.count + 1)).trimmedSpaces }
    }
    return nil
}
