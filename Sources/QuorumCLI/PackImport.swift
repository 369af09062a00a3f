import Foundation
import QuorumDomain
import QuorumIngest
import QuorumPersistence

/// Reads agenda packs and writes what they record, one transaction per file, merging with what is held.
struct PackImport {
    let store: any QuorumStore
    let now: Date

    /// What importing one file did.
    struct Outcome {
        let file: String
        let summary: SaveSummary
        /// Each warning as `file:line: warning: message`, for the terminal.
        let warnings: [String]
    }

    /// Reads `path` as agenda-pack text, converting a PDF first; the error names the file, the line and the reason.
    static func readPack(at path: String) throws -> AgendaPack {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "there is no such file"))
        }
        if isDirectory.boolValue {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "this is a folder, not an agenda pack; name the files in it (for example \(path)/*.txt)"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "the file cannot be read (\((error as NSError).localizedDescription))"))
        }
        if data.starts(with: Array("%PDF".utf8)) || url.pathExtension.lowercased() == "pdf" {
            return try parseAgendaPack(data: try pdfText(path), file: path)
        }
        return try parseAgendaPack(data: data, file: path)
    }

    /// The text of a PDF, from poppler's pdftotext.
    static func pdfText(_ path: String) throws -> Data {
        guard let tool = executable(named: "pdftotext") else {
            throw IngestError(
                file: path, line: 0, kind: .unreadable(reason: "this is a PDF, and reading it needs pdftotext: install poppler-utils (apt-get install poppler-utils)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        // pdftotext's complaints about a damaged PDF could fill a pipe nobody reads; its exit status says enough.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "pdftotext could not be started (\(error))"))
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "pdftotext could not read it (exit status \(process.terminationStatus)); is it a damaged PDF?"))
        }
        return text
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes a parsed pack in one transaction. Records already held are updated, never regressed.
    func save(_ pack: AgendaPack) async throws -> Outcome {
        var rules = DeadlineRules.standard
        if let name = pack.authority, let authority = try await store.authority(Authority(named: name).id) { rules = authority.rules }
        let records = pack.records(rules: rules)
        // A pack older than the newest meeting already held for its committee does not undo what later packs said
        // about the committee, its members and its work programme: it only adds what is new.
        var isLatest = true
        if let committee = records.committees.first?.id,
            let newest = try await store.meetings(MeetingFilter(committee: committee, newestFirst: true, limit: 1)).first
        {
            isLatest = pack.meetingDate.calendarDay >= newest.start.day
        }
        var batch = RecordBatch()
        batch.authorities = try await merged(records.authorities) { try await store.authority($0.id) } with: { existing, _ in existing }
        batch.committees = try await merged(records.committees) { try await store.committee($0.id) } with: { isLatest ? $0.updated(with: $1) : $0 }
        batch.people = try await merged(records.people) { try await store.person($0.id) } with: { isLatest ? $0.updated(with: $1) : $0 }
        var memberships: [Membership.ID: Membership] = [:]
        for committee in Set(records.memberships.map { $0.committee }) {
            for membership in try await store.memberships(of: committee) { memberships[membership.id] = membership }
        }
        batch.memberships = records.memberships.map { incoming in
            guard let held = memberships[incoming.id] else { return incoming }
            return isLatest ? held.updated(with: incoming) : held
        }
        // The newest pack's front sheet is the current membership: anyone it leaves out has left the committee.
        if isLatest, !records.memberships.isEmpty {
            let listed = Set(records.memberships.map(\.id))
            batch.memberships += memberships.values.filter { !listed.contains($0.id) && $0.until == nil }.map {
                $0.ended(before: pack.meetingDate.calendarDay)
            }
        }
        batch.meetings = try await merged(records.meetings) { try await store.meeting($0.id) } with: { $0.updated(with: $1) }
        var sessions: [QuorumDomain.WorkProgrammeSession.ID: QuorumDomain.WorkProgrammeSession] = [:]
        for committee in Set(records.workProgrammeSessions.map { $0.committee }) {
            for session in try await store.workProgrammeSessions(of: committee) { sessions[session.id] = session }
        }
        batch.workProgrammeSessions = records.workProgrammeSessions.map { isLatest ? $0 : sessions[$0.id] ?? $0 }
        batch.agendaItems = records.agendaItems
        batch.reports = records.reports
        batch.attendance = records.attendance
        batch.declarations = records.declarations
        batch.questions = records.questions
        batch.minuteItems = records.minuteItems
        batch.recommendations = try await merged(records.recommendations) { try await store.recommendation($0.id) } with: { isLatest ? $1 : $0 }
        var items: [WorkProgrammeItem.ID: WorkProgrammeItem] = [:]
        for committee in Set(records.workProgrammeItems.map { $0.committee }) {
            for item in try await store.workProgrammeItems(of: committee) { items[item.id] = item }
        }
        batch.workProgrammeItems = records.workProgrammeItems.map { isLatest ? $0 : items[$0.id] ?? $0 }
        batch.actions = records.actions
        batch.warnings = records.flags.map {
            RecordWarning(entity: $0.entity, entityId: $0.entityId, message: $0.message, source: $0.line.map { "\(pack.file):\($0)" } ?? pack.file)
        }
        let summary = try await store.save(batch, by: "import: \(URL(fileURLWithPath: pack.file).lastPathComponent)", at: now)
        let warnings = records.flags.map { "\(pack.file)\($0.line.map { ":\($0)" } ?? ""): warning: \($0.message)" }
        return Outcome(file: pack.file, summary: summary, warnings: warnings)
    }

    private func merged<Value>(
        _ values: [Value], existing: (Value) async throws -> Value?, with merge: (Value, Value) -> Value
    ) async throws -> [Value] {
        var result: [Value] = []
        for value in values { result.append(try await existing(value).map { merge($0, value) } ?? value) }
        return result
    }
}

/// The agenda packs bundled with Quorum, so that a newcomer's first `quorum serve` shows a working site.
enum ExampleData {
    static var files: [String] {
        guard let folder = Bundle.module.url(forResource: "ExampleData", withExtension: nil) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Imports every bundled pack, oldest meeting first.
    static func load(into store: any QuorumStore, now: Date) async throws -> SaveSummary {
        let importer = PackImport(store: store, now: now)
        var total = SaveSummary()
        let packs = try files.map { try PackImport.readPack(at: $0) }.sorted { $0.meetingDate < $1.meetingDate }
        for pack in packs {
            let outcome = try await importer.save(pack)
            total.created += outcome.summary.created
            total.updated += outcome.summary.updated
            total.unchanged += outcome.summary.unchanged
        }
        return total
    }
}
