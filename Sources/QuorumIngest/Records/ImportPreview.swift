public import QuorumDomain

/// What `quorum import --dry-run` prints for one file: the records an import would write, in the domain's terms
/// (ISO 8601 dates, HH:MM times), and the warnings it would list. Nothing in it is read from a database, so a record
/// the store already holds is shown as the pack gives it; the real import then merges it, exempt information staying
/// exempt.
public struct ImportPreview: Encodable, Sendable {
    /// The file, as named on the command line.
    public var file: String
    /// Where and why the pack looks cut short; absent when it is complete.
    public var truncation: String?
    /// The records, as one transaction would write them. Their `warnings` are the ones an import lists.
    public var records: RecordBatch

    public init(_ pack: AgendaPack, rules: DeadlineRules = .standard) {
        file = pack.file
        truncation = pack.truncation
        records = pack.records(rules: rules)
    }
}
