import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import QuorumWeb
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
        let added = try await quorumRun(add)
        #expect(added.status == 0, "\(added.err)")
        #expect(added.out == "Added jo@example.gov.uk (Executive responder).\n")
        // The same address again, a role Quorum does not know, a responder answering for nobody, a short password: refused.
        #expect(try await quorumRun(add).err.contains("There is already an account for jo@example.gov.uk."))
        #expect(try await quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "mayor", "--password-file", passwordFile.path]).err.contains("--role must be one of"))
        #expect(try await quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "executiveResponder", "--password-file", passwordFile.path]).err.contains("--answers-for"))
        try "short\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        #expect(try await quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "clerk", "--password-file", passwordFile.path]).err.contains("at least 12 characters"))
        // Without a terminal or a file, it says how to give one.
        #expect(try await quorumRun(["user", "add", "--database", database, "--email", "a@b.c", "--name", "A", "--role", "clerk"]).err.contains("--password-file"))

        #expect(try await quorumRun(["user", "list", "--database", database]).out == "jo@example.gov.uk\tJo Smith\texecutiveResponder\tanswers for: Cabinet\n")
        let store = try SQLiteStore(path: database)
        let hash = try #require(try await store.credentials(email: "JO@example.gov.uk")).passwordHash
        #expect(hash.hasPrefix("$2b$12$"), "bcrypt at cost 12")

        let disabled = try await quorumRun(["user", "disable", "--database", database, "--email", "jo@example.gov.uk", "--by", "Admin"])
        #expect(disabled.status == 0 && disabled.out.contains("Disabled jo@example.gov.uk"))
        #expect(try await quorumRun(["user", "list", "--database", database]).out.hasSuffix("\tdisabled\n"))

        let audit = try await quorumRun(["audit", "--database", database, "--record", "users/jo@example.gov.uk"])
        #expect(audit.status == 0)
        let lines = audit.out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(lines.count == 2)
        #expect(lines[0].contains("\tAdmin\tcreated\taccount\tusers/jo@example.gov.uk"))
        #expect(lines[1].contains("\tAdmin\tupdated\taccount\tusers/jo@example.gov.uk\tisDisabled"))
        #expect(audit.out.contains("\tafter: {") && audit.out.contains("\"isDisabled\":true"))
        #expect(!audit.out.contains(hash))
        #expect(try await quorumRun(["audit", "--database", database, "--since", "2999-01-01"]).out.hasPrefix("No changes recorded since 2999-01-01"))
        #expect(try await quorumRun(["audit", "--database", database, "--since", "yesterday"]).err.contains("--since must be a date"))
    }
}

@Test("quorum recommendations due lists what is overdue or due soon, by the due date in force, as text, CSV or JSON, for a daily job")
func recommendationsDue() async throws {
    try await withDatabase { database in
        try await SQLiteStore(path: database).save(.everyKind(), by: "test", at: fixedNow)
        // Recommendation 1 of 21 January 2025 was sent on 28 January and is due on 28 March 2025; the others were never sent or are answered.
        let soon = try await quorumRun(["recommendations", "due", "--database", database, "--today", "2025-03-20"])
        #expect(soon.status == 0, "\(soon.err)")
        #expect(soon.out == "due 2025-03-28\tChildren and Young People Scrutiny Committee, 2025-01-21, rec. 1 (Safeguarding annual report) to Herefordshire Safeguarding Children Partnership\n")
        #expect(try await quorumRun(["recommendations", "due", "--database", database, "--today", "2025-03-01", "--within", "7d"]).out == "Nothing is overdue or due by 2025-03-08.\n")
        let late = try await quorumRun(["recommendations", "due", "--database", database, "--today", "2025-04-01", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(late.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["status"] as? String == "overdue" && rows.first?["daysOverdue"] as? Int == 4 && rows.first?["due"] as? String == "2025-03-28")
        let csv = try await quorumRun(["recommendations", "due", "--database", database, "--today", "2025-04-01", "--format", "csv", "--committee", "children-and-young-people-scrutiny-committee"])
        #expect(csv.out.hasPrefix("\"Committee\",\"Meeting date\",\"Rec. No.\""))
        #expect(csv.out.contains("\"2025-03-28\",\"4\",\"overdue\""))
        #expect(try await quorumRun(["recommendations", "due", "--database", database, "--within", "soon"]).err.contains("--within must be a number of days"))
        #expect(try await quorumRun(["recommendations", "due", "--database", database, "--committee", "nope"]).err.contains("There is no committee ‘nope’."))
    }
}

@Test("quorum token makes a token shown once and held only as its hash, lists tokens, and revokes one, each change audited")
func tokenCommands() async throws {
    try await withDatabase { database in
        try await SQLiteStore(path: database).addUser(User(email: "sam@example.gov.uk", name: "Sam", role: .scrutinyOfficer), passwordHash: "x", by: "test", at: fixedNow)
        #expect(try await quorumRun(["token", "create", "--database", database, "--user", "nobody@example.gov.uk", "--name", "sync"]).err.contains("There is no account for nobody@example.gov.uk."))
        #expect(try await quorumRun(["token", "create", "--database", database, "--user", "sam@example.gov.uk", "--name", " "]).err.contains("--name must say what the token is for"))
        let made = try await quorumRun(["token", "create", "--database", database, "--user", "SAM@example.gov.uk", "--name", "tracker sync", "--by", "Admin"])
        #expect(made.status == 0, "\(made.err)")
        let secret = made.out.trimmingCharacters(in: .newlines)
        #expect(secret.wholeMatch(of: /qrm_[0-9a-f]{64}/) != nil)
        #expect(made.err.contains("Token 1 for sam@example.gov.uk (Scrutiny officer)") && made.err.contains("not shown again"))
        #expect(try await SQLiteStore(path: database).apiTokenUser(tokenHash: Tokens.hash(secret), now: fixedNow)?.email == "sam@example.gov.uk")
        for file in [database, database + "-wal"] where FileManager.default.fileExists(atPath: file) {
            #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self).contains(secret), "the secret itself is never stored")
        }
        let listed = try await quorumRun(["token", "list", "--database", database]).out
        #expect(listed.hasPrefix("1\tsam@example.gov.uk\ttracker sync\tmade ") && listed.contains("\tlast used "))
        #expect(try await quorumRun(["token", "revoke", "--database", database, "7"]).err.contains("There is no token 7"))
        #expect(try await quorumRun(["token", "revoke", "--database", database, "1", "--by", "Admin"]).out == "Revoked token 1.\n")
        #expect(try await SQLiteStore(path: database).apiTokenUser(tokenHash: Tokens.hash(secret), now: fixedNow) == nil)
        #expect(try await quorumRun(["token", "list", "--database", database]).out.contains("\trevoked "))
        let audit = try await quorumRun(["audit", "--database", database, "--record", "1"]).out.split(separator: "\n").filter { !$0.hasPrefix("\t") }
        #expect(audit.count == 2 && audit[0].contains("\tAdmin\tcreated\tapiToken\t1") && audit[1].contains("\tAdmin\tupdated\tapiToken\t1\trevokedAt"))
    }
}

@Test("quorum meetings add schedules a programme, checked as the website checks it, all or nothing; quorum meetings check lists what is missed or near, and fails when a deadline is missed")
func meetingCommands() async throws {
    try await withDatabase { database in
        try await SQLiteStore(path: database).save(.everyKind(), by: "test", at: fixedNow)
        let committee = "children-and-young-people-scrutiny-committee"
        func add(_ dates: [String], time: String = "14:00") async throws -> (status: Int32, out: String, err: String) {
            try await quorumRun(["meetings", "add", "--database", database, "--committee", committee, "--time", time, "--venue", "Shire Hall", "--today", "2025-12-01", "--by", "Clerk"]
                + dates.flatMap { ["--date", $0] })
        }
        #expect(try await add(["2026-02-30"]).err.contains("--date: ‘2026-02-30’ is not a date"))
        #expect(try await add(["2026-03-03"], time: "teatime").err.contains("--time: ‘teatime’ is not a time we can read"))
        #expect(try await quorumRun(["meetings", "add", "--database", database, "--committee", "nope", "--date", "2026-03-03", "--time", "2pm", "--venue", "x"]).err.contains("--committee: Select the committee"))
        let added = try await add(["2026-03-03", "2025-12-06"])
        #expect(added.status == 0, "\(added.err)")
        #expect(added.out.contains("Scheduled Tuesday 3 March 2026, 2.00 pm: agenda by 2026-02-23, questions by 2026-02-25 17:00"))
        #expect(added.out.contains("Scheduled Saturday 6 December 2025, 2.00 pm") && added.out.contains("  warning: The meeting falls on a day the council does not work."))
        // All or nothing: one day already taken refuses the lot.
        #expect(try await add(["2026-04-14", "2026-03-03"]).err.contains("The committee already meets on Tuesday 3 March 2026."))
        let store = try SQLiteStore(path: database)
        #expect(try await store.meetings(MeetingFilter(from: CalendarDay(2025, 12, 1))).map(\.start.day.iso) == ["2025-12-06", "2026-03-03"])
        #expect(try await store.history(of: Meeting.ID(under: Committee.fixture().id, "2026-03-03").rawValue).map(\.actor) == ["Clerk"])

        let check = try await quorumRun(["meetings", "check", "--database", database, "--today", "2025-12-01"])
        #expect(check.status == 1)
        #expect(check.out.contains("missed\tChildren and Young People Scrutiny Committee, 2025-12-06\tThe agenda should have been published by Friday 28 November 2025, and has not been."))
        #expect(check.out.contains("check\tChildren and Young People Scrutiny Committee, 2025-12-06\tThe meeting falls on a day the council does not work."))
        #expect(!check.out.contains("2026-03-03"))
        let later = try await quorumRun(["meetings", "check", "--database", database, "--today", "2026-02-17", "--committee", committee])
        #expect(later.status == 0 && later.out == "check\tChildren and Young People Scrutiny Committee, 2026-03-03\tThe agenda must be published by Monday 23 February 2026, in 4 working days.\n")
    }
}
