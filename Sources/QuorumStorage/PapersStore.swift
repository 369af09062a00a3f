public import Foundation
public import QuorumDomain

/// Papers uploaded for agenda items: the files, kept with their checksums, and their records.
public protocol PapersStore: Sendable {
    /// Keeps an uploaded paper: its bytes (checked against `paper.sha256`) and its record, and, in the same transaction,
    /// changes the meeting's working agenda as `agenda` says (the report read from the paper, an appendix named), all
    /// audited. The paper is public only once an agenda or supplement carrying it is published. Throws `.invalid` when
    /// the same file is already held for the meeting, or the checksum does not match, and `.notFound` for an unknown or
    /// held meeting; then nothing is kept.
    @discardableResult
    func addPaper(_ paper: Paper, bytes: Data, by actor: String, at: Date, agenda: (@Sendable (inout Agenda) throws -> Void)?) async throws -> Paper
    /// Every paper of a meeting, every version, oldest first.
    func papers(of meeting: Meeting.ID) async throws -> [Paper]
    /// The bytes of a paper as kept, or `nil` when the file is missing or no longer matches its checksum.
    func contents(of paper: Paper) async throws -> Data?
}
