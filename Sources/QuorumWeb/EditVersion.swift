import Foundation

/// Two people editing the same record never silently overwrite each other. A form carries the version of the record
/// it was opened on; the change is made, inside the store's transaction, only if the record is still at that version.
/// Otherwise the form comes back with the record as it now is, a notice saying so, and everything that was typed.
enum EditVersion {
    /// The hidden field a form carries it in.
    static let field = "version"

    /// A fingerprint of the record as stored: any change to any of its fields changes it.
    static func of(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return fingerprint(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
    }

    /// `change`, made only if the record is still at `expected` (a form without a version, such as a program's, is not
    /// checked): otherwise it throws `Conflict` and nothing is written.
    static func guarded<Record: Encodable>(
        _ change: @escaping @Sendable (inout Record) throws -> Void, expected: String
    ) -> @Sendable (inout Record) throws -> Void {
        { record in
            if !expected.isEmpty, of(record) != expected { throw Conflict() }
            try change(&record)
        }
    }

    /// `change`, made only if the part of the record a form was opened on (one topic of a work programme) is still at
    /// `expected`; otherwise it throws `Conflict` and nothing is written.
    static func guarded<Record, Part: Encodable>(
        _ change: @escaping @Sendable (inout Record) throws -> Void, expected: String, part: @escaping @Sendable (Record) -> Part?
    ) -> @Sendable (inout Record) throws -> Void {
        { record in
            if !expected.isEmpty, part(record).map(of) != expected { throw Conflict() }
            try change(&record)
        }
    }

    /// The hidden field a form carries the record's version in.
    static func field(for record: some Encodable) -> FormField { FormField(.hidden, name: field, label: "", value: of(record)) }

    struct Conflict: Error {}

    /// What the form says when it comes back.
    static func notice(_ what: String) -> String {
        "Someone else changed this \(what) while you had the form open. It now stands as shown below. What you typed is kept: check it, then send it again."
    }
}
