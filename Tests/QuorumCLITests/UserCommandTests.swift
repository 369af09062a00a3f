import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

@Test("quorum user adds an account from a password file, never an argument; lists it; disables it; and quorum audit prints each change")
func userCommands() async throws {
    try await withDatabase { database in
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent()
        let passwordFile = folder.appendingPathComponent("password.txt")
        try "correct horse battery staple\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        let add = [
            "user", "add", "--database", database, "--email", "jo@example.gov.uk", "--name", "Jo Smith", "--role", "executiveResponder",
            "--answers-for", "Cabinet", "--password-file", passwordFile.path, "--by", "Admin",
        ]
        let added = try quorumRun(add)
        #expect(added.status == 0, "\(added.err)")
        #expect(added.out == "Added jo@example.gov.uk (Executive responder).\n")
        // The same address again, a role Quorum does not know, a responder answering for nobody, a short password: refused.
        #expect(try quorumRun(add).err.contains("There is already an account for jo@example.gov.uk."))
        #expect(try quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "mayor", "--password-file", passwordFile.path]).err.contains("--role must be one of"))
        #expect(try quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "executiveResponder", "--password-file", passwordFile.path]).err.contains("--answers-for"))
        try "short\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        #expect(try quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "clerk", "--password-file", passwordFile.path]).err.contains("at least 12 characters"))
        // Without a terminal or a file, it says how to give one.
        #expect(try quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "clerk"]).err.contains("--password-file"))

        #expect(try quorumRun(["user", "list", "--database", database]).out == "jo@example.gov.uk\tJo Smith\texecutiveResponder\tanswers for: Cabinet\n")
        let store = try SQLiteStore(path: database)
        let hash = try #require(try await store.credentials(email: "JO@example.gov.uk")).passwordHash
        #expect(hash.hasPrefix("$2b$12$"), "bcrypt at cost 12")

        let disabled = try quorumRun(["user", "disable", "--database", database, "--email", "jo@example.gov.uk", "--by", "Admin"])
        #expect(disabled.status == 0 && disabled.out.contains("Disabled jo@example.gov.uk"))
        #expect(try quorumRun(["user", "list", "--database", database]).out.hasSuffix("\tdisabled\n"))

        let audit = try quorumRun(["audit", "--database", database, "--record", "users/jo@example.gov.uk"])
        #expect(audit.status == 0)
        let lines = audit.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(lines.count == 2)
        #expect(lines[0].contains("\tAdmin\tcreated\taccount\tusers/jo@example.gov.uk"))
        #expect(lines[1].contains("\tAdmin\tupdated\taccount\tusers/jo@example.gov.uk\tisDisabled"))
        #expect(audit.out.contains("\tafter: {") && audit.out.contains("\"isDisabled\":true"))
        #expect(!audit.out.contains(hash))
        #expect(try quorumRun(["audit", "--database", database, "--since", "2999-01-01"]).out.hasPrefix("No changes recorded since 2999-01-01"))
        #expect(try quorumRun(["audit", "--database", database, "--since", "yesterday"]).err.contains("--since must be a date"))
    }
}
