import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumWeb

#if canImport(Glibc)
    import Glibc
#endif

/// `quorum user`: the accounts of officers and councillors who sign in to the website.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and disable the accounts people sign in with.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account. The password is asked for at the terminal, or read from --password-file; never give it as an argument.",
            discussion: """
                Roles: administrator, clerk (democratic services), scrutinyOfficer, executiveResponder (answers the \
                recommendations addressed to the bodies given with --answers-for), councillor.

                Example:
                  quorum user add --email jo.smith@herefordshire.gov.uk --name "Jo Smith" --role executiveResponder \\
                    --answers-for "Cabinet Member Children and Young People" --password-file jo.txt
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The address the person signs in with.", valueName: "address"))
        var email: String

        @Option(help: ArgumentHelp("Their name as the site shows it.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("What the account is for: \(User.Role.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "role"))
        var role: String

        @Option(
            name: .customLong("answers-for"),
            help: ArgumentHelp("For an executive responder: an addressee they answer for, as the tracker names it; repeat for several.", valueName: "addressee"))
        var answersFor: [String] = []

        @Option(help: ArgumentHelp("A file whose first line is the password (for scripts); the file should be readable by you alone.", valueName: "path"))
        var passwordFile: String?

        @Option(help: ArgumentHelp("Who is adding the account, for the audit log.", valueName: "name"))
        var by = "quorum user add"

        func validate() throws {
            guard User.Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(User.Role.allCases.map(\.rawValue).joined(separator: ", ")), not ‘\(role)’")
            }
            guard email.contains("@"), !email.contains(" ") else { throw ValidationError("--email must be an email address, not ‘\(email)’") }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            if role == User.Role.executiveResponder.rawValue, answersFor.isEmpty {
                throw ValidationError("an executiveResponder needs at least one --answers-for")
            }
        }

        func run() async throws {
            let password = try readPassword(file: passwordFile)
            if let problem = Passwords.problem(with: password) { throw CommandFailure(problem + ".") }
            let store = try options.openStore()
            let user = User(email: email, name: name, role: User.Role(rawValue: role)!, answersFor: answersFor)
            do {
                try await store.addUser(user, passwordHash: try await Passwords().hash(password), by: by, at: Date())
            } catch let error as StoreError {
                throw CommandFailure(error.description)
            }
            print("Added \(user.email) (\(user.role.label)).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account: email, name, role, what it answers for, and whether it is disabled.")

        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            let users = try await options.openStore().users()
            if users.isEmpty { print("No accounts. Add one with quorum user add.") }
            for user in users {
                var line = "\(user.email)\t\(user.name)\t\(user.role.rawValue)"
                if !user.answersFor.isEmpty { line += "\tanswers for: " + user.answersFor.joined(separator: "; ") }
                if user.isDisabled { line += "\tdisabled" }
                print(line)
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer sign in, and its sessions end at once.")

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The account's email address.", valueName: "address"))
        var email: String

        @Option(help: ArgumentHelp("Who is disabling it, for the audit log.", valueName: "name"))
        var by = "quorum user disable"

        func run() async throws {
            let store = try options.openStore()
            guard var user = try await store.credentials(email: email)?.user else { throw CommandFailure("There is no account for \(email).") }
            user.isDisabled = true
            try await store.updateUser(user, by: by, at: Date())
            print("Disabled \(user.email); its sessions have ended.")
        }
    }
}

/// The password from the file's first line, or asked for twice at the terminal without echoing it.
private func readPassword(file: String?) throws -> String {
    if let file {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CommandFailure("Cannot read the password file \(file).") }
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
    guard isatty(0) == 1 else { throw CommandFailure("No terminal to ask for the password at: give --password-file.") }
    guard let first = getpass("Password: ").map({ String(cString: $0) }), let second = getpass("Password again: ").map({ String(cString: $0) }) else {
        throw CommandFailure("No password was given.")
    }
    guard first == second else { throw CommandFailure("The two passwords were not the same; nothing was changed.") }
    return first
}

/// `quorum audit`: the audit log, every change with who made it and when.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the audit log: every change to the record, who made it and when, oldest first.",
        discussion: """
            Example:
              quorum audit --record herefordshire-council/children-and-young-people-scrutiny-committee/recommendations/2025-01-21/safeguarding-1 --since 2025-01-01
            """)

    @OptionGroup var options: DatabaseOptions

    @Option(help: ArgumentHelp("Only the changes to this record, by its identifier.", valueName: "id"))
    var record: String?

    @Option(help: ArgumentHelp("Only changes on or after this day (2025-03-18).", valueName: "date"))
    var since: String?

    func run() async throws {
        var from: Date?
        if let since {
            guard let day = CalendarDay(iso: since) else { throw ValidationError("--since must be a date like 2025-03-18, not ‘\(since)’") }
            from = LocalDateTime(day, TimeOfDay(hour: 0)!).instant(in: .london)
        }
        let entries = try await options.openStore().auditEntries(entityId: record, since: from)
        let format = ISO8601DateFormatter()
        for entry in entries {
            var line = "\(format.string(from: entry.at))\t\(entry.actor)\t\(entry.action.rawValue)\t\(entry.entity)\t\(entry.entityId)"
            if !entry.changes.isEmpty { line += "\t" + entry.changes }
            print(line)
            if let before = entry.before { print("\tbefore: " + before) }
            if let after = entry.after { print("\tafter: " + after) }
        }
        if entries.isEmpty { print("No changes recorded\(record.map { " to \($0)" } ?? "")\(since.map { " since \($0)" } ?? "").") }
    }
}
