import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// `quorum release`: publishes exempt information an officer has decided no longer needs protecting, or lists what
/// is held as exempt. Nothing exempt is ever published any other way: a later import that marks it open does not.
struct Release: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish an exempt item, appendix or minute once its Schedule 12A paragraph no longer applies, or list what is exempt.",
        discussion: """
            Give exactly one of --item or --minute (add --appendix to release one appendix of the item's report), with \
            --reason and --by. Releasing an item publishes its report too; its exempt appendices stay exempt until each \
            is released. The release, its reason and who made it go into the audit log, and a later import that marks \
            the same thing exempt does not undo it. Use --list to see what is held as exempt, with the identifiers to pass.

            Examples:
              quorum release --list
              quorum release --item herefordshire-council/children-and-young-people-scrutiny-committee/2025-03-18/items/9 \\
                --reason "The contract has been awarded and published" --by "Simon Cann"
            """
    )

    @OptionGroup var options: DatabaseOptions

    @Flag(help: "List every exempt item, report, appendix and minute, with the identifier to release it by.")
    var list = false

    @Option(help: ArgumentHelp("The agenda item to release, by its identifier (see --list).", valueName: "id"))
    var item: String?

    @Option(help: ArgumentHelp("With --item: release only this appendix of the item's report, by its label (\"Appendix 2\").", valueName: "label"))
    var appendix: String?

    @Option(help: ArgumentHelp("The minute to release, by its identifier (see --list).", valueName: "id"))
    var minute: String?

    @Option(help: ArgumentHelp("Why the information may now be published: recorded with the release.", valueName: "text"))
    var reason: String?

    @Option(help: ArgumentHelp("Who is releasing it, for the audit log.", valueName: "name"))
    var by: String?

    func validate() throws {
        if list {
            guard item == nil, minute == nil, appendix == nil else { throw ValidationError("--list takes no --item, --appendix or --minute") }
            return
        }
        guard (item == nil) != (minute == nil) else { throw ValidationError("give exactly one of --item or --minute (or --list)") }
        if appendix != nil, item == nil { throw ValidationError("--appendix needs the --item whose report it belongs to") }
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("say why with --reason") }
        guard let by, !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("say who is releasing it with --by") }
    }

    func run() async throws {
        let store = try options.openStore()
        if list {
            let withheld = try await store.withheld()
            if withheld.isEmpty { print("Nothing is held as exempt.") }
            for record in withheld {
                print("\(record.title) — \(record.access.label)\n    \(Release.arguments(record.target))")
            }
            return
        }
        let target: ReleaseTarget =
            if let item, let appendix { .appendix(.init(item), label: appendix) } else if let item { .agendaItem(.init(item)) } else { .minute(.init(minute ?? "")) }
        do {
            let released = try await store.release(target, reason: reason ?? "", by: by ?? "", at: Date())
            for line in released { print("Released: \(line)") }
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }

    /// The options that release `target`.
    static func arguments(_ target: ReleaseTarget) -> String {
        switch target {
        case .agendaItem(let id): "--item \(id.rawValue)"
        case .appendix(let id, let label): "--item \(id.rawValue) --appendix \"\(label)\""
        case .minute(let id): "--minute \(id.rawValue)"
        }
    }
}
