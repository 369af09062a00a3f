import ArgumentParser
import Foundation
import QuorumDomain
import QuorumIngest
import QuorumPersistence
import QuorumStorage
import QuorumWeb

/// `quorum forward-plan`: the executive's forward plan, from the CSV a council exports.
struct ForwardPlan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward-plan", abstract: "Import the executive's forward plan from CSV, or list it.", subcommands: [ImportPlan.self, List.self])

    struct ImportPlan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import the forward plan from a CSV file: a header row, then a decision on each line.",
            discussion: """
                The header names the columns, in any order: Title and Decision maker are needed; Purpose, Due date, Lead cabinet \
                member, Officer contacts, Directorate, Date uploaded, Decision type (Key or Non-key) and Exemptions and urgency are \
                read where given. Dates as 2 June 2026, 02/06/2026 or 2026-06-02. A decision already on the plan, by its title, is \
                updated; the others are added; none is removed. A line that cannot be read is reported as FILE:LINE: reason, and \
                nothing of the file is written. Each change is audited.

                Example:
                  quorum forward-plan import forward-plan-2026-03.csv
                """)

        @OptionGroup var options: DatabaseOptions

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The council, by its identifier (herefordshire-council); needed only when the database holds several.", valueName: "council"))
        var council: String?

        @Option(help: ArgumentHelp("Who is importing it, for the audit log.", valueName: "name"))
        var by = "quorum forward-plan import"

        func run() async throws {
            let store = try options.openStore()
            let authority = try await Council.find(council, in: store)
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot be read") }
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
                throw CommandFailure("\(file): not text")
            }
            switch ForwardPlanCSV.entries(text, authority: authority.id) {
            case .failure(let problems):
                for problem in problems.all.dropLast() { FileHandle.standardError.write(Data("quorum: \(file):\(problem.line): \(problem.message)\n".utf8)) }
                let last = problems.all.last.map { "\(file):\($0.line): \($0.message)" } ?? file
                throw CommandFailure(last + (problems.all.count > 1 ? " (\(problems.all.count) problems; nothing was imported)" : " (nothing was imported)"))
            case .success(let read):
                var added = 0
                var updated = 0
                let before = try await store.forwardPlan(of: authority.id)
                for entry in read {
                    if let held = before.first(where: { $0.id == entry.id }) { updated += held == entry ? 0 : 1 } else { added += 1 }
                }
                try await store.updateForwardPlan(of: authority.id, by: by, at: Date()) { entries in
                    for entry in read {
                        if let index = entries.firstIndex(where: { $0.id == entry.id }) { entries[index] = entry } else { entries.append(entry) }
                    }
                }
                print("\(file): \(read.count) decisions read; \(added) added, \(updated) updated")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the forward plan, soonest decision first, as CSV.")

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The council, by its identifier; needed only when the database holds several.", valueName: "council"))
        var council: String?

        func run() async throws {
            let store = try options.openStore()
            let authority = try await Council.find(council, in: store)
            var lines = [["Title", "Purpose", "Decision maker", "Due date", "Lead cabinet member", "Officer contacts", "Directorate", "Date uploaded", "Decision type", "Exemptions and urgency"]]
            for entry in try await store.forwardPlan(of: authority.id) {
                lines.append([
                    entry.title, entry.purpose, entry.decisionMaker, entry.dueDate?.iso ?? "", entry.leadCabinetMember ?? "", entry.officerContacts ?? "",
                    entry.directorate ?? "", entry.uploadedOn?.iso ?? "", entry.decisionType == .key ? "Key" : "Non-key", entry.exemptionsAndUrgency,
                ])
            }
            print(csvText(lines), terminator: "")
        }
    }
}
