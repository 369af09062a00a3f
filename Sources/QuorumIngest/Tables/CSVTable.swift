import CSV
import Foundation

/// A CSV file read into rows, each with the line of the file it starts on, its header's names lower-cased: the one
/// reading of uploaded and imported tables (the forward plan, figures for a period). CSV itself is read by CSV.swift.
public struct CSVTable: Sendable {
    /// The header's names, lower-cased and with their spaces run together.
    public let header: [String]
    public let rows: [Row]

    public struct Row: Sendable {
        /// The line of the file the row starts on, from 1 (the header is line 1).
        public let line: Int
        public let fields: [String]
    }

    /// Why a file cannot be read as a table, with the line.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { "line \(line): \(message)" }
    }

    /// Every problem found in a file, each with its line.
    public struct Problems: Error, Sendable {
        public let all: [Problem]
        public init(_ all: [Problem]) { self.all = all }
    }

    public init(_ text: String) throws(Problem) {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Problem(line: 1, message: "the file is empty") }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true)
        } catch {
            throw Problem(line: 1, message: "it cannot be read as CSV")
        }
        var all: [Row] = []
        var line = 1
        while let fields = reader.next() {
            all.append(Row(line: line, fields: fields))
            // A quoted field may hold line breaks: the next row starts that many lines further on.
            line += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) } }
        }
        if reader.error != nil { throw Problem(line: line, message: "it cannot be read as CSV from here on") }
        guard let first = all.first else { throw Problem(line: 1, message: "the file has no header row") }
        header = first.fields.map { $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        rows = all.dropFirst().filter { !$0.fields.allSatisfy(\.isEmpty) }
    }

    /// The column whose name is one of `names`, if the header has one.
    public func column(_ names: String...) -> Int? { header.firstIndex { names.contains($0) } }
}

extension CSVTable.Row {
    /// The field in `column`, trimmed; empty when the row is short or there is no such column.
    public subscript(_ column: Int?) -> String {
        guard let column, fields.indices.contains(column) else { return "" }
        return fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
