import GRDB
import QuorumDomain
public import QuorumStorage

/// The one migration history of a Quorum database. Migrations are append-only: never edit one that has
/// shipped; add another.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: the council record") { db in
            try db.create(table: "authority") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("website", .text)
                t.column("rules", .jsonText).notNull()
            }
            try db.create(table: "committee") { t in
                t.primaryKey("id", .text)
                t.belongsTo("authority", onDelete: .restrict).notNull()
                t.column("name", .text).notNull()
                t.column("remit", .text).notNull().defaults(to: "")
                t.column("clerk", .jsonText)
            }
            try db.create(table: "person") { t in
                t.primaryKey("id", .text)
                t.belongsTo("authority", onDelete: .restrict).notNull()
                t.column("name", .text).notNull()
                t.column("title", .text)
                t.column("jobTitle", .text)
            }
            try db.create(table: "membership") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.belongsTo("person", onDelete: .restrict).notNull()
                t.column("role", .text).notNull()
                    .check(sql: "role IN ('chairperson','viceChairperson','councillor','coOpted','namedSubstitute')")
                t.column("represents", .text)
                t.column("fromDay", .text)
                t.column("untilDay", .text)
                t.check(sql: "(role = 'coOpted') = (represents IS NOT NULL)")
            }
            try db.create(table: "meeting") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("startDay", .text).notNull()
                t.column("startTime", .text).notNull()
                t.column("venue", .text).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('scheduled','agendaPublished','held','minutesApproved','cancelled')")
                t.column("endedAt", .text)
                t.column("cancellationReason", .text)
                t.column("clerk", .jsonText)
            }
            try db.create(index: "meeting_on_startDay", on: "meeting", columns: ["startDay"])
            try db.create(index: "meeting_on_committee_startDay", on: "meeting", columns: ["committeeId", "startDay"])
            try db.create(table: "agendaItem") { t in
                t.primaryKey("id", .text)
                t.belongsTo("meeting", onDelete: .cascade).notNull()
                t.column("number", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("description", .text).notNull()
                t.column("firstPage", .integer)
                t.column("lastPage", .integer)
                t.column("exemptParagraph", .integer).check(sql: "exemptParagraph BETWEEN 1 AND 7")
                t.check(sql: "(firstPage IS NULL) = (lastPage IS NULL) AND (firstPage IS NULL OR (firstPage >= 1 AND firstPage <= lastPage))")
            }
            try db.create(table: "report") { t in
                t.primaryKey("id", .text)
                t.belongsTo("agendaItem", onDelete: .cascade).notNull()
                t.belongsTo("meeting", onDelete: .cascade).notNull()
                t.column("title", .text).notNull()
                t.column("reportBy", .text).notNull()
                t.column("exemptParagraph", .integer).check(sql: "exemptParagraph BETWEEN 1 AND 7")
                t.column("decisionType", .text).notNull().check(sql: "decisionType IN ('key','nonKey','notAnExecutiveDecision')")
                t.column("wardsAffected", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("recommendations", .jsonText).notNull()
                t.column("sections", .jsonText).notNull()
                t.column("appendices", .jsonText).notNull()
                t.column("clearance", .jsonText).notNull()
            }
            try db.create(table: "attendance") { t in
                t.primaryKey("id", .text)
                t.belongsTo("meeting", onDelete: .cascade).notNull()
                t.belongsTo("person", onDelete: .restrict).notNull()
                t.column("kind", .text).notNull()
                    .check(sql: "kind IN ('present','virtual','apologies','substitute','inAttendance','officer')")
                t.column("detail", .text)
                t.column("substituteForPersonId", .text).references("person", onDelete: .restrict)
                t.check(sql: "(kind = 'substitute') = (substituteForPersonId IS NOT NULL)")
                t.check(sql: "kind <> 'officer' OR detail IS NOT NULL")
            }
            try db.create(table: "declarationOfInterest") { t in
                t.primaryKey("id", .text)
                t.belongsTo("meeting", onDelete: .cascade).notNull()
                t.belongsTo("person", onDelete: .restrict).notNull()
                t.column("agendaItemNumber", .text)
                t.column("kind", .text).notNull()
                t.column("reason", .text).notNull()
            }
            try db.create(table: "question") { t in
                t.primaryKey("id", .text)
                t.belongsTo("meeting", onDelete: .cascade).notNull()
                t.column("number", .text).notNull()
                t.column("askerKind", .text).notNull().check(sql: "askerKind IN ('public','councillor')")
                t.column("askerName", .text)
                t.column("askerPlace", .text)
                t.column("askerPersonId", .text).references("person", onDelete: .restrict)
                t.column("addressee", .text).notNull()
                t.column("text", .text).notNull()
                t.column("receivedAt", .text)
                t.column("status", .text).notNull().check(sql: "status IN ('received','accepted','rejected','answered')")
                t.column("statusText", .text)
                t.column("supplementary", .jsonText)
                t.check(sql: "(askerKind = 'public') = (askerName IS NOT NULL) AND (askerKind = 'councillor') = (askerPersonId IS NOT NULL)")
                t.check(sql: "(status IN ('rejected','answered')) = (statusText IS NOT NULL)")
            }
            try db.create(table: "minuteItem") { t in
                t.primaryKey("id", .text)
                t.belongsTo("meeting", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("text", .text).notNull()
                t.column("resolutions", .jsonText).notNull()
            }
            try db.create(table: "recommendation") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("meetingDay", .text).notNull()
                t.column("topic", .text).notNull()
                t.column("number", .text).notNull()
                t.column("text", .text).notNull()
                t.column("addresseeKind", .text).notNull()
                    .check(sql: "addresseeKind IN ('cabinet','cabinetMember','council','partner','officers','committee','unspecified')")
                t.column("addresseeName", .text)
                t.column("responseRule", .text).notNull().check(sql: "responseRule IN ('standard','statutory28Days')")
                t.column("sentOn", .text)
                t.column("dueOn", .text)
                t.column("responseState", .text).notNull().check(sql: "responseState IN ('awaiting','received','notPursued')")
                t.column("respondedOn", .text)
                t.column("responseText", .text)
                t.column("outcome", .text).check(sql: "outcome IN ('accepted','acceptedInPart','rejected','noted','resolved')")
                t.check(sql: "(responseState = 'received') = (outcome IS NOT NULL)")
                t.check(sql: "(responseState = 'awaiting') = (responseText IS NULL)")
            }
            try db.create(index: "recommendation_on_meetingDay", on: "recommendation", columns: ["committeeId", "meetingDay"])
            try db.create(index: "recommendation_on_responseState", on: "recommendation", columns: ["responseState", "meetingDay"])
            try db.create(table: "workProgrammeSession") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("day", .text).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('committeeMeeting','briefing')")
                t.column("reportDeadline", .text)
                t.column("planning", .text).notNull().check(sql: "planning IN ('on','toBeConfirmed','none')")
                t.column("planningDay", .text)
                t.check(sql: "(planning = 'on') = (planningDay IS NOT NULL)")
            }
            try db.create(table: "workProgrammeItem") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("title", .text).notNull()
                t.column("scrutinyType", .text)
                t.column("objectives", .text).notNull()
                t.column("evidenceRequired", .text).notNull()
                t.column("attendees", .jsonText).notNull()
                t.column("origin", .text)
                t.column("leadOfficer", .text)
                t.column("state", .text).notNull().check(sql: "state IN ('potential','scheduled','deferred','delivered')")
                t.column("sessionId", .text).references("workProgrammeSession", onDelete: .restrict)
                t.column("deferralReason", .text)
                t.check(sql: "state <> 'scheduled' OR sessionId IS NOT NULL")
            }
            try db.create(table: "forwardPlanEntry") { t in
                t.primaryKey("id", .text)
                t.belongsTo("authority", onDelete: .cascade).notNull()
                t.column("title", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("decisionMaker", .text).notNull()
                t.column("dueDate", .text)
                t.column("leadCabinetMember", .text)
                t.column("officerContacts", .text)
                t.column("directorate", .text)
                t.column("uploadedOn", .text)
                t.column("decisionType", .text).notNull().check(sql: "decisionType IN ('key','nonKey','notAnExecutiveDecision')")
                t.column("exemptionsAndUrgency", .text).notNull()
            }
            try db.create(table: "committeeAction") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("number", .text).notNull()
                t.column("meetingDay", .text)
                t.column("action", .text).notNull()
                t.column("owner", .text).notNull()
                t.column("directorate", .text)
                t.column("progress", .text).notNull()
                t.column("dueOn", .text)
                t.column("reportedCompleteOn", .text)
            }
            try db.create(table: "recordWarning") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("entity", .text).notNull()
                t.column("entityId", .text).notNull()
                t.column("message", .text).notNull()
                t.column("source", .text)
                t.uniqueKey(["entity", "entityId", "message"])
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull().check(sql: "action IN ('created','updated','deleted')")
                t.column("entity", .text).notNull()
                t.column("entityId", .text).notNull()
                t.column("changes", .text).notNull()
            }
            try db.create(index: "auditEntry_on_entity", on: "auditEntry", columns: ["entity", "entityId"])
        }
        migrator.registerMigration("v2: public search") { db in
            // Only public text is ever written here: exempt items and their papers are left out when indexed.
            try db.create(virtualTable: "searchEntry", using: FTS5()) { t in
                t.tokenizer = .porter(wrapping: .unicode61())
                t.column("title")
                t.column("body")
                t.column("kind").notIndexed()
                t.column("entityId").notIndexed()
                t.column("committeeId").notIndexed()
                t.column("meetingId").notIndexed()
                t.column("day").notIndexed()
            }
            // Which index row holds which record, so an entry is replaced by rowid rather than by scanning the index.
            try db.create(table: "searchKey") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("entityId", .text).notNull().unique()
            }
        }
        migrator.registerMigration("v3: exempt minutes, exemptions without a paragraph, releases") { db in
            // An item or report can be exempt without the paper saying under which paragraph; minutes can be exempt.
            for table in ["agendaItem", "report"] {
                try db.alter(table: table) { t in t.add(column: "isExempt", .boolean).notNull().defaults(to: false) }
                try db.execute(sql: "UPDATE \(table) SET isExempt = 1 WHERE exemptParagraph IS NOT NULL")
            }
            try db.alter(table: "minuteItem") { t in
                t.add(column: "isExempt", .boolean).notNull().defaults(to: false)
                t.add(column: "exemptParagraph", .integer).check(sql: "exemptParagraph BETWEEN 1 AND 7")
            }
            // An officer's decision that exempt information may now be published, with the reason: a later import
            // that marks the same thing exempt again does not undo it.
            try db.create(table: "exemptRelease") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("entity", .text).notNull()
                t.column("entityId", .text).notNull()
                t.column("appendix", .text)
                t.column("paragraph", .integer)
                t.column("reason", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "exemptRelease_on_entity", on: "exemptRelease", columns: ["entity", "entityId"])
            // What earlier versions published that is now known to be exempt: the minutes of exempt items, which come out
            // of the search index. Reports with exempt appendices were stored without knowing which sections were printed
            // in the appendix, so an officer is asked to import their packs again. Plain SQL, so that this step reads the
            // tables as they are at this point of the history, whatever later migrations add.
            let items = try Row.fetchAll(db, sql: "SELECT id, meetingId, number, title, exemptParagraph FROM agendaItem WHERE isExempt = 1")
            for item in items {
                let exempt = AgendaItem(
                    id: .init(item["id"] as String), meeting: .init(item["meetingId"] as String), number: item["number"], position: 0, title: item["title"],
                    access: .exempt(paragraph: (item["exemptParagraph"] as Int?).flatMap(Schedule12A.init(rawValue:))))
                for minute in try Row.fetchAll(db, sql: "SELECT id, number, title FROM minuteItem WHERE meetingId = ? AND isExempt = 0", arguments: [exempt.meeting.rawValue]) {
                    let held = MinuteItem(id: .init(minute["id"] as String), meeting: exempt.meeting, number: minute["number"], title: minute["title"], text: "")
                    guard held.records(exempt) else { continue }
                    try db.execute(
                        sql: "UPDATE minuteItem SET isExempt = 1, exemptParagraph = ? WHERE id = ?", arguments: [exempt.access.paragraph?.rawValue, held.id.rawValue])
                    try db.execute(
                        sql: "DELETE FROM searchEntry WHERE rowid = (SELECT id FROM searchKey WHERE entityId = ?)", arguments: [held.id.rawValue])
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO recordWarning (entity, entityId, message, source) VALUES ('minuteItem', ?, ?, 'upgrade')",
                        arguments: [held.id.rawValue, "Minute \(held.number) records the exempt item \(exempt.number), so it is held as exempt."])
                }
            }
            for report in try Row.fetchAll(db, sql: "SELECT id, appendices FROM report WHERE appendices LIKE '%exempt%'") {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO recordWarning (entity, entityId, message, source) VALUES ('report', ?, ?, 'upgrade')",
                    arguments: [
                        report["id"] as String,
                        "This report has an exempt appendix and was imported before Quorum kept an appendix's text with it: import its pack again so that the appendix's text is withheld.",
                    ])
            }
        }
        migrator.registerMigration("v4: a response's outcome only when it states one") { db in
            // The old table required an outcome for every received response, so Quorum had to guess one. SQLite
            // cannot drop a CHECK, so the table is rebuilt without it (the outcome's own CHECK stays).
            try db.create(table: "recommendation_v4") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("meetingDay", .text).notNull()
                t.column("topic", .text).notNull()
                t.column("number", .text).notNull()
                t.column("text", .text).notNull()
                t.column("addresseeKind", .text).notNull()
                    .check(sql: "addresseeKind IN ('cabinet','cabinetMember','council','partner','officers','committee','unspecified')")
                t.column("addresseeName", .text)
                t.column("responseRule", .text).notNull().check(sql: "responseRule IN ('standard','statutory28Days')")
                t.column("sentOn", .text)
                t.column("dueOn", .text)
                t.column("responseState", .text).notNull().check(sql: "responseState IN ('awaiting','received','notPursued')")
                t.column("respondedOn", .text)
                t.column("responseText", .text)
                t.column("outcome", .text).check(sql: "outcome IN ('accepted','acceptedInPart','rejected','noted','resolved')")
                t.check(sql: "responseState = 'received' OR outcome IS NULL")
                t.check(sql: "(responseState = 'awaiting') = (responseText IS NULL)")
            }
            let columns = "id, committeeId, meetingDay, topic, number, text, addresseeKind, addresseeName, responseRule, sentOn, dueOn, responseState, respondedOn, responseText, outcome"
            try db.execute(sql: "INSERT INTO recommendation_v4 (\(columns)) SELECT \(columns) FROM recommendation")
            try db.drop(table: "recommendation")
            try db.rename(table: "recommendation_v4", to: "recommendation")
            try db.create(index: "recommendation_on_meetingDay", on: "recommendation", columns: ["committeeId", "meetingDay"])
            try db.create(index: "recommendation_on_responseState", on: "recommendation", columns: ["responseState", "meetingDay"])
        }
        migrator.registerMigration("v5: working group sessions in the work programme") { db in
            // A session's kind is as published: a working group meeting is neither a committee meeting nor a briefing.
            try db.create(table: "workProgrammeSession_v5") { t in
                t.primaryKey("id", .text)
                t.belongsTo("committee", onDelete: .cascade).notNull()
                t.column("day", .text).notNull()
                t.column("kind", .text).notNull().check(sql: "kind IN ('committeeMeeting','briefing','workingGroup')")
                t.column("reportDeadline", .text)
                t.column("planning", .text).notNull().check(sql: "planning IN ('on','toBeConfirmed','none')")
                t.column("planningDay", .text)
                t.check(sql: "(planning = 'on') = (planningDay IS NOT NULL)")
            }
            let columns = "id, committeeId, day, kind, reportDeadline, planning, planningDay"
            try db.execute(sql: "INSERT INTO workProgrammeSession_v5 (\(columns)) SELECT \(columns) FROM workProgrammeSession")
            try db.drop(table: "workProgrammeSession")
            try db.rename(table: "workProgrammeSession_v5", to: "workProgrammeSession")
        }
        migrator.registerMigration("v6: members' roles, listing and order; attendance order; meetings known from other papers") { db in
            try db.alter(table: "membership") { t in
                t.add(column: "roleFromDay", .text)
                t.add(column: "lastListedDay", .text)
                t.add(column: "isListed", .boolean).notNull().defaults(to: true)
                t.add(column: "position", .integer)
            }
            try db.alter(table: "attendance") { t in t.add(column: "position", .integer) }
            try db.alter(table: "meeting") { t in t.add(column: "knownFrom", .text) }
            // Earlier imports invented an end date (the day before the next papers that left a member out): it becomes
            // what is known, that the member is no longer listed. When they were last listed is not known.
            try db.execute(sql: "UPDATE membership SET isListed = 0, untilDay = NULL WHERE untilDay IS NOT NULL")
            try db.execute(sql: "UPDATE membership SET roleFromDay = fromDay")
        }
        migrator.registerMigration("v7: recommendation addresses cut at a word's end") { db in
            // Earlier identifiers cut the topic at 40 characters, sometimes mid-word ("…-service-in--1"). Each is given
            // its new identifier, and everything that refers to it follows.
            for row in try Row.fetchAll(db, sql: "SELECT id, committeeId, meetingDay, topic, number FROM recommendation") {
                guard let day = CalendarDay(iso: row["meetingDay"] as String) else { continue }
                let old: String = row["id"]
                let new = (row["committeeId"] as String) + "/" + Recommendation.key(day: day, topic: row["topic"], number: row["number"])
                guard new != old, try Int.fetchOne(db, sql: "SELECT count(*) FROM recommendation WHERE id = ?", arguments: [new]) == 0 else { continue }
                try db.execute(sql: "UPDATE recommendation SET id = ? WHERE id = ?", arguments: [new, old])
                for table in ["recordWarning", "auditEntry", "searchKey", "searchEntry", "exemptRelease"] {
                    try db.execute(sql: "UPDATE \(table) SET entityId = ? WHERE entityId = ?", arguments: [new, old])
                }
            }
        }
        migrator.registerMigration("v8: a resolution's lead-in") { db in
            try db.alter(table: "minuteItem") { t in t.add(column: "resolutionLeadIn", .text) }
        }
        migrator.registerMigration("v9: start conditions and minute numbers as printed") { db in
            try db.alter(table: "meeting") { t in t.add(column: "startCondition", .text) }
            try db.alter(table: "minuteItem") { t in t.add(column: "reference", .text) }
        }
        migrator.registerMigration("v10: a report's people, portfolio, request and printed classification") { db in
            try db.alter(table: "report") { t in
                t.add(column: "classificationText", .text)
                t.add(column: "cabinetPortfolio", .text)
                t.add(column: "author", .text)
                t.add(column: "democraticServices", .text)
                t.add(column: "requestedMinute", .text)
                t.add(column: "requestedMeetingDay", .text)
            }
        }
        migrator.registerMigration("v11: the day each recommendation is chased by, and the tracker order, so both are read from an index") { db in
            // Derived, never typed: the recorded due date, or else the statutory one from the date sent and the
            // council's calendar. Written with every change to a recommendation or its council's rules.
            try db.alter(table: "recommendation") { t in t.add(column: "chaseBy", .text) }
            try db.create(index: "recommendation_on_chaseBy", on: "recommendation", columns: ["responseState", "chaseBy"])
            // The tracker's order, newest meeting first, so one page of it is read without sorting every row.
            try db.execute(sql: "CREATE INDEX recommendation_in_tracker_order ON recommendation (meetingDay DESC, committeeId, topic, number, id)")
            try ChaseDates.refresh(recommendations: nil, in: db)
        }
        migrator.registerMigration("v12: accounts, sessions, sign-in attempts, and audited records before and after") { db in
            try db.create(table: "account") { t in
                t.primaryKey("id", .text)
                t.column("email", .text).notNull()
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                    .check(sql: "role IN ('administrator','clerk','scrutinyOfficer','executiveResponder','councillor')")
                t.column("answersFor", .jsonText).notNull()
                t.column("isDisabled", .boolean).notNull().defaults(to: false)
                t.column("passwordHash", .text).notNull()
            }
            try db.create(table: "accountSession") { t in
                t.primaryKey("tokenHash", .text)
                t.column("accountId", .text).notNull().indexed().references("account", onDelete: .cascade)
                t.column("csrfToken", .text).notNull()
                t.column("startedAt", .datetime).notNull()
                t.column("lastSeenAt", .datetime).notNull()
            }
            try db.create(table: "signInAttempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull()
                t.column("address", .text).notNull()
                t.column("succeeded", .boolean).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "signInAttempt_by_email", on: "signInAttempt", columns: ["email", "at"])
            try db.create(index: "signInAttempt_by_address", on: "signInAttempt", columns: ["address", "at"])
            try db.alter(table: "auditEntry") { t in
                t.add(column: "before", .jsonText)
                t.add(column: "after", .jsonText)
            }
        }
        migrator.registerMigration("v13: a recommendation's extension and implementation, and an index for the tracker's summary") { db in
            try db.alter(table: "recommendation") { t in
                t.add(column: "extendedDueOn", .text)
                t.add(column: "extensionReason", .text)
                t.add(column: "implementationStatus", .text).check(sql: "implementationStatus IN ('notStarted','inProgress','implemented')")
                t.add(column: "reviewOn", .text)
                t.add(column: "closedOn", .text)
            }
            // Everything the tracker's summary counts, so it is read from the index and not the recommendations' text.
            try db.execute(
                sql: "CREATE INDEX recommendation_for_summary ON recommendation (committeeId, responseState, outcome, respondedOn, chaseBy, sentOn, meetingDay)")
        }
        migrator.registerMigration("v14: import warnings an officer has checked") { db in
            try db.alter(table: "recordWarning") { t in
                t.add(column: "checkedBy", .text)
                t.add(column: "checkedAt", .datetime)
            }
        }
        migrator.registerMigration("v15: tokens for the JSON API's actions") { db in
            try db.create(table: "apiToken") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("accountId", .text).notNull().indexed().references("account", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("tokenHash", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("lastUsedAt", .datetime)
                t.column("revokedAt", .datetime)
            }
        }
        migrator.registerMigration("v16: how many times a meeting was moved, its place changed, or cancelled in Quorum") { db in
            try db.alter(table: "meeting") { t in t.add(column: "scheduleRevision", .integer).notNull().defaults(to: 0) }
        }
        migrator.registerMigration("v17: the public's questions: askers' email addresses held apart, and submissions counted by address") { db in
            try db.create(table: "questionContact") { t in
                t.primaryKey("questionId", .text).references("question", onDelete: .cascade)
                t.column("email", .text).notNull()
            }
            try db.create(table: "questionSubmission") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("address", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(index: "questionSubmission_by_address", on: "questionSubmission", columns: ["address", "at"])
        }
        migrator.registerMigration("v18: agendas built in Quorum: the working copy, each publication and supplement, and a council's standard items") { db in
            try db.create(table: "agendaDraft") { t in
                t.primaryKey("meetingId", .text).references("meeting", onDelete: .cascade)
                t.column("agenda", .jsonText).notNull()
            }
            try db.create(table: "agendaPublication") { t in
                t.column("meetingId", .text).notNull().references("meeting", onDelete: .cascade)
                t.column("number", .integer).notNull().check { $0 >= 0 }
                t.column("at", .text).notNull()
                t.column("items", .jsonText).notNull()
                t.column("publishedBy", .text).notNull()
                t.primaryKey(["meetingId", "number"])
            }
            try db.alter(table: "authority") { t in t.add(column: "standardItems", .jsonText) }
        }
        migrator.registerMigration("v19: minutes written in Quorum, and the meeting at which each meeting's minutes were approved") { db in
            try db.create(table: "minutesDraft") { t in
                t.primaryKey("meetingId", .text).references("meeting", onDelete: .cascade)
                t.column("minutes", .jsonText).notNull()
            }
            try db.create(table: "minutesApproval") { t in
                t.primaryKey("meetingId", .text).references("meeting", onDelete: .cascade)
                t.column("approvedAtMeetingId", .text).notNull().references("meeting", onDelete: .cascade)
            }
        }
        migrator.registerMigration("v20: the forward plan decision a work programme topic scrutinises") { db in
            try db.alter(table: "workProgrammeItem") { t in
                t.add(column: "forwardPlanEntryId", .text).references("forwardPlanEntry", onDelete: .setNull)
            }
        }
        migrator.registerMigration("v21: papers uploaded for agenda items, kept on disk by their SHA-256") { db in
            try db.create(table: "paper") { t in
                t.primaryKey("id", .text)
                t.belongsTo("meeting", onDelete: .restrict).notNull()
                t.column("itemNumber", .text).notNull()
                t.column("appendix", .text)
                t.column("filename", .text).notNull()
                t.column("format", .text).notNull().check(sql: "format IN ('pdf','docx','odt')")
                t.column("size", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("uploadedAt", .text).notNull()
                t.column("uploadedBy", .text).notNull()
                t.column("publication", .integer)
            }
        }
        migrator.registerMigration("v22: improvement plans with their versions, indicators and audit grades, and the indicators recommendations mean to move") { db in
            try db.create(table: "improvementPlan") { t in
                t.primaryKey("id", .text)
                t.belongsTo("authority", onDelete: .cascade).notNull()
                t.column("title", .text).notNull()
                t.column("plan", .jsonText).notNull()
            }
            try db.create(table: "recommendationIndicator") { t in
                t.belongsTo("recommendation", onDelete: .cascade).notNull()
                t.column("indicatorId", .text).notNull()
                t.primaryKey(["recommendationId", "indicatorId"])
            }
        }
        migrator.registerMigration("v23: each search entry's kind, day and committee beside its key, so ranking and filtering read no entry's text") { db in
            try db.alter(table: "searchKey") { t in
                t.add(column: "kind", .text)
                t.add(column: "day", .text)
                t.add(column: "committeeId", .text)
            }
            try db.execute(
                sql: """
                    UPDATE searchKey SET (kind, day, committeeId) = (SELECT kind, day, committeeId FROM searchEntry WHERE searchEntry.rowid = searchKey.id)
                    """)
        }
        migrator.registerMigration("v24: a person's attendance found with its meetings from the index alone, in meeting order") { db in
            // The person page reads every meeting a person attended: from this index the meetings come without a
            // visit to each attendance row, and already in order.
            try db.create(index: "attendance_on_personId_meetingId", on: "attendance", columns: ["personId", "meetingId"])
            try db.drop(index: "attendance_on_personId")
        }
        migrator.registerMigration("v25: a person's attendance counted by year from the index alone; a meeting's item or minute found by number; people and committees found by address") { db in
            // The person page counts every meeting a person attended by year and capacity: with the kind in the
            // index, no attendance row is visited for it.
            try db.create(index: "attendance_on_personId_meetingId_kind", on: "attendance", columns: ["personId", "meetingId", "kind"])
            try db.drop(index: "attendance_on_personId_meetingId")
            // A declaration names an item by number: these find it without reading the meeting's other items, and
            // still find a meeting's items and minutes as the indexes on the meeting alone did (minutes in order).
            try db.create(index: "agendaItem_on_meetingId_number", on: "agendaItem", columns: ["meetingId", "number"])
            try db.drop(index: "agendaItem_on_meetingId")
            try db.create(index: "minuteItem_on_meetingId_number", on: "minuteItem", columns: ["meetingId", "number"])
            try db.drop(index: "minuteItem_on_meetingId")
            // A person's or committee's page is addressed by the part of its identifier after its council's
            // ("herefordshire-council/alan-nicholls"), in any case, as the LIKE that found it by scanning every row did.
            for table in ["person", "committee"] {
                try db.execute(sql: "CREATE INDEX \(table)_on_slug ON \(table)(substr(id, instr(id, '/') + 1) COLLATE NOCASE)")
            }
        }
        migrator.registerMigration("v26: a committee's work programme from its coming sessions found from the indexes alone") { db in
            // The committee page shows the topics not yet scheduled and those of sessions to come: with the session
            // in the index, a topic of a past session is passed over without reading its row, and a committee's
            // sessions from a day are found without reading the earlier ones. Each replaces an index on the
            // committee alone, which it begins with.
            try db.create(index: "workProgrammeItem_on_committeeId_sessionId", on: "workProgrammeItem", columns: ["committeeId", "sessionId"])
            try db.drop(index: "workProgrammeItem_on_committeeId")
            try db.create(index: "workProgrammeSession_on_committeeId_day", on: "workProgrammeSession", columns: ["committeeId", "day"])
            try db.drop(index: "workProgrammeSession_v5_on_committeeId")
        }
        migrator.registerMigration("v27: meetings listed in order from the indexes alone") { db in
            // Lists of meetings (the API's, a committee's next meeting) are in day, time and identifier order: with the
            // time and identifier in the index, SQLite no longer sorts each day's meetings to find a page. (Newest first,
            // the identifier still runs upwards, so ties of day and time are still sorted.) Each replaces an index it
            // begins with.
            try db.create(index: "meeting_on_startDay_startTime_id", on: "meeting", columns: ["startDay", "startTime", "id"])
            try db.drop(index: "meeting_on_startDay")
            try db.create(index: "meeting_on_committeeId_startDay_startTime_id", on: "meeting", columns: ["committeeId", "startDay", "startTime", "id"])
            try db.drop(index: "meeting_on_committee_startDay")
        }
        return migrator
    }
}
