import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// The stores that implement `QuorumStore`, each opened on a fresh, empty database. A PostgreSQL store joins this
/// list and must pass the same suite.
enum StoreKind: String, CaseIterable, Sendable {
    case sqlite
}

/// Runs `body` on a new empty store of `kind`, as `any QuorumStore`: the suite sees only the protocol.
func withStore(_ kind: StoreKind, _ body: (any QuorumStore) async throws -> Void) async throws {
    switch kind {
    case .sqlite: try await withTemporaryStore { store in try await body(store) }
    }
}

/// Every method of `QuorumStore` the round-trip and audit tests do not already cover, written against the protocol.
@Suite("QuorumStore conformance")
struct StoreConformanceTests {
    let batch = RecordBatch.everyKind()
    var committee: Committee { batch.committees[0] }

    @Test("Reads at one moment all see the record as it was at the first of them, whatever is written meanwhile", arguments: StoreKind.allCases)
    func readingAtOneMoment(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            var renamed = RecordBatch()
            renamed.committees = [committee]
            renamed.committees[0].name = "Renamed Committee"
            let id = committee.id
            let seen = try await store.readingAtOneMoment {
                let before = try await store.committee(id)?.name
                try await store.save(renamed, by: "test", at: fixedNow)
                let nested = try await store.readingAtOneMoment { try await store.committee(id)?.name }
                return [before, nested, try await store.committee(id)?.name]
            }
            #expect(seen == [committee.name, committee.name, committee.name])
            #expect(try await store.committee(id)?.name == "Renamed Committee")
        }
    }

    @Test("Committees and people by the last part of their identifier; every person and membership", arguments: StoreKind.allCases)
    func lookups(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            #expect(try await store.committee(slug: committee.slug) == committee)
            #expect(try await store.committee(slug: "nonesuch") == nil)
            #expect(try await store.person(slug: "liz-harvey")?.name == "Liz Harvey")
            #expect(try await store.allPeople().map(\.name) == batch.people.map(\.name).sorted())
            #expect(Set(try await store.allMemberships()) == Set(batch.memberships))
            #expect(try await store.meetings([batch.meetings[3].id, batch.meetings[0].id, .init("nothing")]).map(\.id) == [batch.meetings[0].id, batch.meetings[3].id])
        }
    }

    @Test("Meetings filtered by committee and dates, in either order, paged, counted, and only those with papers", arguments: StoreKind.allCases)
    func meetingFilters(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let days = { (filter: MeetingFilter) in try await store.meetings(filter).map(\.start.day.iso) }
            #expect(try await days(MeetingFilter(committee: committee.id)) == ["2024-11-26", "2025-01-21", "2025-02-04", "2025-03-18", "2025-05-27"])
            #expect(try await days(MeetingFilter(from: CalendarDay(2025, 2, 1), to: CalendarDay(2025, 3, 31))) == ["2025-02-04", "2025-03-18"])
            #expect(try await days(MeetingFilter(newestFirst: true, limit: 2)) == ["2025-05-27", "2025-03-18"])
            #expect(try await days(MeetingFilter(limit: 2, offset: 1)) == ["2025-01-21", "2025-02-04"])
            #expect(try await days(MeetingFilter(onlyWithPapers: true)).contains("2025-05-27") == false)
            let listing = try await store.meetingListing(MeetingFilter(from: CalendarDay(2025, 1, 1), limit: 2, offset: 1))
            #expect(listing.meetings.map(\.start.day.iso) == ["2025-02-04", "2025-03-18"])
            #expect(listing.total == 4)
            #expect(try await store.meetingListing(MeetingFilter(committee: .init("another"))).total == 0)
        }
    }

    @Test("The home page's read gives what the separate reads give: committees, meetings coming and recent, their items and covers, overdue count", arguments: StoreKind.allCases)
    func homePapers(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let day = CalendarDay(2025, 2, 10)
            let home = try await store.homePapers(on: day, upcoming: 2, recent: 3)
            // The committees for their names and councils: no remit or clerk.
            #expect(home.committees == (try await store.committees()).map { Committee(id: $0.id, authority: $0.authority, name: $0.name, remit: "", clerk: nil) })
            #expect(home.upcoming == (try await store.meetings(MeetingFilter(from: day, limit: 2))))
            let recent = try await store.meetings(MeetingFilter(to: day, newestFirst: true, onlyWithPapers: true, limit: 3))
            #expect(home.recent == recent && !recent.isEmpty)
            var items: [AgendaItem] = []
            var covers: [Report] = []
            for meeting in recent {
                items += try await store.agendaItems(of: meeting.id)
                covers += try await store.reportCovers(of: meeting.id)
            }
            #expect(Set(home.agendaItems) == Set(items) && home.agendaItems.count == items.count)
            #expect(Set(home.reports.map(\.id)) == Set(covers.map(\.id)) && home.reports.allSatisfy { $0.sections.isEmpty })
            #expect(home.overdue == (try await store.recommendationCount(RecommendationFilter(overdueOn: day))))
        }
    }

    @Test("A meeting's papers in one read: items, reports, questions in number order, minutes, attendance, people, neighbours", arguments: StoreKind.allCases)
    func meetingPapers(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let held = batch.meetings[1]
            let papers = try #require(try await store.meetingPapers(held.id))
            #expect(papers.meeting == held)
            #expect(papers.committee == batch.committees.first { $0.id == held.committee })
            #expect(papers.authority == batch.authorities[0])
            // The same papers by the meeting's address: its committee's slug and its day.
            let committee = try #require(papers.committee)
            let addressed = try #require(try await store.meetingPapers(committeeSlug: committee.slug, day: held.start.day))
            #expect(addressed.meeting == held && addressed.committee == committee && addressed.minuteItems == papers.minuteItems)
            #expect(try await store.meetingPapers(committeeSlug: committee.slug, day: held.start.day.adding(days: 1)) == nil)
            #expect(try await store.meetingPapers(committeeSlug: "no-such-committee", day: held.start.day) == nil)
            #expect(papers.questions.map(\.number) == batch.questions.filter { $0.meeting == held.id }.sorted(by: Question.inNumberOrder).map(\.number))
            #expect(papers.minuteItems.map(\.number) == [42, 45, 48])
            #expect(Set(papers.attendance) == Set(batch.attendance.filter { $0.meeting == held.id }))
            #expect(Set(papers.people.map(\.name)) == ["Toni Fagan", "Ben Proctor", "Liz Harvey", "Jan Frances", "Pauline Crockett", "Danial Webb"])
            #expect(papers.declarations == batch.declarations)
            #expect(papers.previous?.start.day == CalendarDay(2024, 11, 26) && papers.next?.start.day == CalendarDay(2025, 2, 4))
            #expect(Set(papers.recommendations.map(\.id)) == Set(batch.recommendations.filter { $0.meetingDay == held.start.day }.map(\.id)))
            let upcoming = try #require(try await store.meetingPapers(batch.meetings[3].id))
            #expect(upcoming.agendaItems.map(\.number) == ["1", "7", "12"] && upcoming.reports.count == 2)
            // The papers carry the reports' covers; the reports themselves are read whole.
            let whole = try await store.reports(of: batch.meetings[3].id)
            #expect(whole.contains { !$0.sections.isEmpty && !$0.recommendations.isEmpty }, "the fixture has a report with sections")
            #expect(upcoming.reports.map(\.title) == whole.map(\.title) && upcoming.reports.map(\.author) == whole.map(\.author))
            #expect(upcoming.reports.allSatisfy { $0.sections.isEmpty && $0.recommendations.isEmpty })
            #expect(try await store.reportCovers(of: batch.meetings[3].id) == upcoming.reports)
            // The report deadline is the work programme's for a committee meeting on that day.
            let sessions = batch.workProgrammeSessions.filter { $0.kind == .committeeMeeting && $0.reportDeadline != nil }
            for meeting in batch.meetings {
                let expected = sessions.first { $0.committee == meeting.committee && $0.day == meeting.start.day }?.reportDeadline
                #expect(try await store.meetingPapers(meeting.id)?.reportDeadline == expected, "\(meeting.id)")
            }
            #expect(sessions.contains { s in batch.meetings.contains { $0.start.day == s.day } }, "the fixture has a meeting with a report deadline")
            #expect(try await store.meetingPapers(.init("nothing")) == nil)
        }
    }

    @Test("A committee's page in one read: members in published order, meetings, and the work programme from a day on with what is unscheduled", arguments: StoreKind.allCases)
    func committeePapers(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let papers = try #require(try await store.committeePapers(slug: committee.slug, workProgrammeFrom: CalendarDay(2025, 4, 1)))
            #expect(papers.committee == committee)
            #expect(papers.memberships == batch.memberships.filter { $0.committee == committee.id }.sorted(by: Membership.inPublishedOrder))
            #expect(Set(papers.people.map(\.id)) == Set(papers.memberships.map(\.person)))
            #expect(papers.meetings.map(\.start.day.iso) == ["2024-11-26", "2025-01-21", "2025-02-04", "2025-03-18", "2025-05-27"])
            #expect(papers.workProgrammeSessions.map(\.day) == [CalendarDay(2025, 4, 8), CalendarDay(2025, 5, 27)])
            // The 18 March session's topic is before the day; the unscheduled ones are kept whatever their state.
            #expect(Set(papers.workProgrammeItems.map(\.title)) == ["Safeguarding partnership annual report", "SEND transport", "Youth provision", "Old topic"])
            #expect(try await store.committeePapers(slug: "nonesuch", workProgrammeFrom: CalendarDay(2025, 4, 1)) == nil)
        }
    }

    @Test(
        "A person's page in one read: memberships, attendance by municipal year and in the year shown, declarations, their meetings, and the items and minutes their declarations name",
        arguments: StoreKind.allCases)
    func personPapers(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let declared = batch.declarations[0]
            // The item and the (exempt) minute the declaration names by number, beside others of the same meeting.
            var batch = batch
            batch.agendaItems.append(AgendaItem(number: "8", of: declared.meeting, position: 8, title: "SCHOOL FUNDING"))
            batch.agendaItems.append(AgendaItem(number: "9", of: declared.meeting, position: 9, title: "WORK PROGRAMME"))
            batch.minuteItems.append(MinuteItem(number: 8, of: declared.meeting, title: "SCHOOL FUNDING", text: "Discussed.", access: .exempt(paragraph: .financialOrBusinessAffairs)))
            try await store.save(batch, by: "test", at: fixedNow)
            let person = try #require(batch.people.first { $0.id == declared.person })
            let slug = String(person.id.rawValue.split(separator: "/").last!)
            let papers = try #require(try await store.personPapers(slug: slug, yearStarting: nil))
            #expect(papers.person == person)
            #expect(papers.rules == batch.authorities[0].rules)
            #expect(Set(papers.memberships) == Set(batch.memberships.filter { $0.person == person.id }))
            // Their one attendance is in 2024/25, the year shown when none is asked for.
            let year = AttendanceYear(start: CalendarDay(2024, 5, 1), name: "2024/25", recorded: 1, expected: 1, attended: 1)
            #expect(papers.years == [year])
            #expect(papers.shownYear == CalendarDay(2024, 5, 1))
            #expect(Set(papers.attendance) == Set(batch.attendance.filter { $0.person == person.id }))
            #expect(papers.declarations == [declared])
            #expect(Set(papers.meetings.map(\.id)) == Set(papers.attendance.map(\.meeting) + [declared.meeting]))
            #expect(papers.committees.map(\.id) == batch.committees.sorted { $0.name < $1.name }.map(\.id))
            #expect(papers.agendaItems.map(\.title) == ["SCHOOL FUNDING"])
            #expect(papers.minuteItems.map(\.number) == [8] && papers.minuteItems.map(\.title) == ["SCHOOL FUNDING"])
            #expect(papers.minuteItems.map(\.access) == [.exempt(paragraph: .financialOrBusinessAffairs)])
            #expect(papers.minuteItems.allSatisfy { $0.text.isEmpty && $0.resolutions.isEmpty })
            // Another year: its (no) attendance and only the meeting declared at, with every year's counts as before.
            let earlier = try #require(try await store.personPapers(slug: slug, yearStarting: 2023))
            #expect(earlier.shownYear == CalendarDay(2023, 5, 1) && earlier.attendance.isEmpty && earlier.years == [year])
            #expect(earlier.meetings.map(\.id) == [declared.meeting] && earlier.declarations == [declared])
            // The chair was present at one meeting and in attendance, by invitation, at another: one expected, one attended.
            let chair = try #require(try await store.personPapers(slug: "toni-fagan", yearStarting: nil))
            #expect(chair.years == [AttendanceYear(start: CalendarDay(2024, 5, 1), name: "2024/25", recorded: 2, expected: 1, attended: 1)])
            #expect(chair.attendance.count == 2 && Set(chair.meetings.map(\.start.day)) == [CalendarDay(2025, 1, 21), CalendarDay(2024, 11, 26)])
            #expect(try await store.personPapers(slug: "nonesuch", yearStarting: nil) == nil)
        }
    }

    @Test("Recommendations filtered by committee, meeting, stage and outcome, in either order, paged and counted", arguments: StoreKind.allCases)
    func recommendationFilters(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let texts = { (filter: RecommendationFilter) in try await store.recommendations(filter).map(\.text) }
            #expect(try await store.recommendationCount(RecommendationFilter(committee: committee.id)) == 6)
            #expect(try await texts(RecommendationFilter(meetingDay: CalendarDay(2025, 1, 21))).sorted() == ["An implementation plan.", "The partnership ensures a lead."])
            #expect(try await texts(RecommendationFilter(stage: .received(.accepted))) == ["An implementation plan."])
            #expect(try await texts(RecommendationFilter(stage: .notPursued)) == ["A workshop."])
            #expect(try await store.recommendationCount(RecommendationFilter(stage: .awaiting)) == 3)
            #expect(try await texts(RecommendationFilter(order: .newestAnswerFirst, limit: 1)) == ["An implementation plan."])
            #expect(try await store.recommendations(RecommendationFilter(limit: 2, offset: 1)).count == 2)
            // The tracker's read gives the same page, count and summary, with every committee and its council's rules.
            for filter in [RecommendationFilter(limit: 2, offset: 1), RecommendationFilter(committee: committee.id, stage: .awaiting, limit: 10)] {
                let papers = try await store.trackerPapers(filter, today: CalendarDay(2025, 6, 1))
                #expect(papers.recommendations == (try await store.recommendations(filter)))
                #expect(papers.total == (try await store.recommendationCount(filter)))
                #expect(papers.summary == (try await store.recommendationSummary(filter, today: CalendarDay(2025, 6, 1))))
                #expect(papers.committees == (try await store.committees()).map { Committee(id: $0.id, authority: $0.authority, name: $0.name, remit: "", clerk: nil) })
                #expect(papers.rules[committee.id] == batch.authorities[0].rules)
            }
        }
    }

    @Test("Overdue is a query that agrees with the domain's rule every day, and follows changes to a recommendation and to its council's rules", arguments: StoreKind.allCases)
    func overdueFilter(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            var batch = batch
            // Sent with no due date recorded: the statutory rule and the council's calendar give it.
            batch.recommendations.append(
                Recommendation(number: "6", of: committee.id, madeOn: CalendarDay(2025, 2, 25), topic: "Data", text: "Publish the figures.", sentOn: CalendarDay(2025, 3, 3)))
            func check(_ batch: RecordBatch) async throws {
                let rules = batch.authorities[0].rules
                for offset in stride(from: 0, through: 180, by: 3) {
                    let day = CalendarDay(2025, 1, 1).adding(days: offset)
                    let expected = batch.recommendations.filter { $0.isOverdue(on: day, rules: rules) }.map(\.text).sorted()
                    #expect(try await store.recommendations(RecommendationFilter(overdueOn: day)).map(\.text).sorted() == expected, "on \(day.iso)")
                    #expect(try await store.recommendationCount(RecommendationFilter(committee: committee.id, overdueOn: day)) == expected.count)
                }
            }
            try await store.save(batch, by: "test", at: fixedNow)
            try await check(batch)
            batch.authorities[0].rules.responseMonths = 1
            try await store.save(batch, by: "test", at: fixedNow)
            try await check(batch)
            let index = batch.recommendations.firstIndex { $0.number == "6" }!
            batch.recommendations[index].response = .received(on: CalendarDay(2025, 4, 1), text: "Published.", outcome: .accepted)
            batch.recommendations[0].dueOn = CalendarDay(2025, 5, 30)
            try await store.save(batch, by: "test", at: fixedNow)
            try await check(batch)
        }
    }

    @Test("The tracker's summary agrees with each recommendation's standing by the domain's rule, for any filter", arguments: StoreKind.allCases)
    func recommendationSummary(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let rules = batch.authorities[0].rules
            for day in [CalendarDay(2025, 2, 1), CalendarDay(2025, 3, 20), CalendarDay(2025, 12, 1)] {
                for (filter, keep) in [
                    (RecommendationFilter(), { (_: Recommendation) in true }),
                    (RecommendationFilter(stage: .awaiting), { (r: Recommendation) in r.response == .awaiting }),
                    (RecommendationFilter(meetingDay: CalendarDay(2025, 1, 21)), { (r: Recommendation) in r.meetingDay == CalendarDay(2025, 1, 21) }),
                ] {
                    let held = batch.recommendations.filter(keep)
                    let summary = try await store.recommendationSummary(filter, today: day)
                    #expect(summary.made == held.count)
                    #expect(summary.answeredOnTime == held.filter { $0.standing(on: day, rules: rules) == .answeredOnTime }.count)
                    #expect(summary.answeredLate == held.filter { $0.standing(on: day, rules: rules) == .answeredLate }.count)
                    #expect(summary.overdue == held.filter { $0.isOverdue(on: day, rules: rules) }.count)
                    #expect(summary.outstanding == held.filter { $0.response == .awaiting }.count)
                }
            }
        }
    }

    @Test("The tracker's summary asked again is the same, and follows the next change at once", arguments: StoreKind.allCases)
    func recommendationSummaryAfterChange(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let day = CalendarDay(2025, 12, 1)
            let before = try await store.recommendationSummary(RecommendationFilter(), today: day)
            #expect(try await store.recommendationSummary(RecommendationFilter(), today: day) == before)
            let awaiting = try #require(batch.recommendations.first { $0.response == .awaiting })
            try await store.updateRecommendation(awaiting.id, by: "officer", at: fixedNow) {
                $0.response = .received(on: CalendarDay(2025, 11, 20), text: "Agreed.", outcome: .accepted)
            }
            let after = try await store.recommendationSummary(RecommendationFilter(), today: day)
            #expect(after.outstanding == before.outstanding - 1)
            #expect(after.byOutcome[.accepted, default: 0] == before.byOutcome[.accepted, default: 0] + 1)
        }
    }

    @Test("A person's attendance and declarations across meetings", arguments: StoreKind.allCases)
    func personRecord(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let member = batch.people[2]
            #expect(try await store.attendance(of: member.id) == batch.attendance.filter { $0.person == member.id })
            #expect(try await store.declarations(of: member.id) == batch.declarations)
            #expect(try await store.attendance(of: .init("nobody")).isEmpty)
        }
    }

    @Test("Search finds public text by word, filters by committee and kind, and never exempt text", arguments: StoreKind.allCases)
    func search(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let scrutineer = try await store.search(SearchQuery(parsing: "scrutineer"))
            #expect(scrutineer.total >= 1 && scrutineer.hits.contains { $0.kind == .minute })
            var minutesOnly = SearchQuery(parsing: "safeguarding")
            minutesOnly.kind = .minute
            #expect(try await store.search(minutesOnly).hits.allSatisfy { $0.kind == .minute })
            var elsewhere = SearchQuery(parsing: "safeguarding")
            elsewhere.committee = .init("another")
            #expect(try await store.search(elsewhere).total == 0)
            #expect(try await store.search(SearchQuery(parsing: "contract award")).hits.isEmpty)
        }
    }

    @Test("The revision grows with each change and not without one; warnings are kept on their record", arguments: StoreKind.allCases)
    func revisionAndWarnings(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let empty = try await store.revision()
            try await store.save(batch, by: "test", at: fixedNow)
            let saved = try await store.revision()
            #expect(saved > empty)
            try await store.save(batch, by: "test", at: fixedNow)
            #expect(try await store.revision() == saved)
            #expect(try await store.warnings(on: batch.recommendations[0].id.rawValue).map(\.message) == ["Check the due date."])
            #expect(try await store.warnings(on: "nothing").isEmpty)
        }
    }

    @Test("Importing a pack's records again changes nothing; exempt items are withheld until released, with the release audited", arguments: StoreKind.allCases)
    func importAndRelease(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let first = try await store.importPack(batch, publishedFor: CalendarDay(2025, 3, 18), by: "import: pack.txt", at: fixedNow)
            #expect(first.created > 40)
            let again = try await store.importPack(batch, publishedFor: CalendarDay(2025, 3, 18), by: "import: pack.txt", at: fixedNow)
            #expect(again.created == 0 && again.updated == 0)
            let exempt = batch.agendaItems[2]
            let withheld = try await store.withheld()
            #expect(withheld.contains { $0.target == .agendaItem(exempt.id) })
            #expect(withheld.contains { $0.target == .appendix(batch.agendaItems[1].id, label: "Appendix 2") })
            let released = try await store.release(.agendaItem(exempt.id), reason: "Contract signed and published", by: "officer: simon.cann", at: fixedNow)
            #expect(!released.isEmpty)
            #expect(try await store.agendaItems(of: exempt.meeting).first { $0.id == exempt.id }?.access == .open)
            #expect(!(try await store.withheld()).contains { $0.target == .agendaItem(exempt.id) })
            #expect(try await store.auditLog(limit: 5).contains { $0.actor == "officer: simon.cann" && $0.entityId == exempt.id.rawValue })
        }
    }

    @Test("API tokens: held by hash, listed newest first, found only while unrevoked and their account enabled, last use written at most once a minute, each change audited", arguments: StoreKind.allCases)
    func apiTokens(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let user = User(email: "Sam@example.gov.uk", name: "Sam", role: .scrutinyOfficer)
            await #expect(throws: StoreError.self) { try await store.addApiToken(for: user.id, name: "sync", tokenHash: "a", by: "test", at: fixedNow) }
            try await store.addUser(user, passwordHash: "x", by: "test", at: fixedNow)
            let first = try await store.addApiToken(for: user.id, name: "sync", tokenHash: "hash-1", by: "admin", at: fixedNow)
            let second = try await store.addApiToken(for: user.id, name: "report", tokenHash: "hash-2", by: "admin", at: fixedNow.addingTimeInterval(1))
            #expect(try await store.apiTokens().map(\.name) == ["report", "sync"])
            #expect(try await store.apiTokenUser(tokenHash: "hash-1", now: fixedNow.addingTimeInterval(10)) == user)
            #expect(try await store.apiTokenUser(tokenHash: "nothing", now: fixedNow) == nil)
            #expect(try await store.apiTokens().last?.lastUsedAt == fixedNow.addingTimeInterval(10))
            _ = try await store.apiTokenUser(tokenHash: "hash-1", now: fixedNow.addingTimeInterval(30))
            #expect(try await store.apiTokens().last?.lastUsedAt == fixedNow.addingTimeInterval(10))
            _ = try await store.apiTokenUser(tokenHash: "hash-1", now: fixedNow.addingTimeInterval(100))
            #expect(try await store.apiTokens().last?.lastUsedAt == fixedNow.addingTimeInterval(100))
            try await store.revokeApiToken(first.id, by: "admin", at: fixedNow.addingTimeInterval(200))
            #expect(try await store.apiTokenUser(tokenHash: "hash-1", now: fixedNow.addingTimeInterval(300)) == nil)
            #expect(try await store.apiTokens().last?.revokedAt == fixedNow.addingTimeInterval(200))
            await #expect(throws: StoreError.self) { try await store.revokeApiToken(999, by: "admin", at: fixedNow) }
            var disabled = user
            disabled.isDisabled = true
            try await store.updateUser(disabled, by: "admin", at: fixedNow)
            #expect(try await store.apiTokenUser(tokenHash: "hash-2", now: fixedNow) == nil)
            let audited = try await store.auditEntries(entityId: nil, since: nil).filter { $0.entity == "apiToken" }
            #expect(audited.map { "\($0.action.rawValue) \($0.entityId) \($0.actor)" } == ["created \(first.id) admin", "created \(second.id) admin", "updated \(first.id) admin"])
            #expect(audited.allSatisfy { !($0.after ?? "").contains("hash-") })
        }
    }

    @Test("Meetings a clerk schedules: added all or none, one a day per committee; moved, re-timed or cancelled with the schedule revision going up once for each, audited", arguments: StoreKind.allCases)
    func scheduling(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let first = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            let second = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 4, 14), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            try await store.addMeetings([first, second], by: "clerk", at: fixedNow)
            let clash = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 10)!), venue: "Elsewhere")
            let third = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 6, 2), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            await #expect(throws: StoreError.self) { try await store.addMeetings([third, clash], by: "clerk", at: fixedNow) }
            #expect(try await store.meeting(third.id) == nil, "all or none")
            await #expect(throws: StoreError.self) {
                try await store.addMeetings([Meeting(of: .init("nobody/none"), on: third.start, venue: "")], by: "clerk", at: fixedNow)
            }

            let moved = try await store.updateMeeting(first.id, by: "clerk", at: fixedNow) { $0.start = LocalDateTime(CalendarDay(2026, 3, 10), TimeOfDay(hour: 14)!) }
            #expect(moved.scheduleRevision == 1 && moved.id == first.id)
            #expect(try await store.meeting(first.id) == moved)
            // Its first day is free again, but the address it keeps is not; and it cannot move onto another meeting's day.
            await #expect(throws: StoreError.self) { try await store.addMeetings([first], by: "clerk", at: fixedNow) }
            await #expect(throws: StoreError.self) { try await store.updateMeeting(first.id, by: "clerk", at: fixedNow) { $0.start = second.start } }
            #expect(try await store.updateMeeting(first.id, by: "clerk", at: fixedNow) { _ in } == moved, "nothing changed, nothing written")
            let cancelled = try await store.updateMeeting(first.id, by: "clerk", at: fixedNow) { $0.status = .cancelled(reason: "No business.") }
            #expect(cancelled.scheduleRevision == 2)
            await #expect(throws: StoreError.self) { try await store.updateMeeting(.init("nobody/none/2026-01-01"), by: "clerk", at: fixedNow) { _ in } }
            #expect(try await store.history(of: first.id.rawValue).map(\.action) == [.created, .updated, .updated])
        }
    }

    @Test("The public's questions: numbered in turn, held as received with the email apart, found by identifier with it, counted by address, changed and audited", arguments: StoreKind.allCases)
    func publicQuestions(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let meeting = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            try await store.addMeetings([meeting], by: "clerk", at: fixedNow)
            let asked = LocalDateTime(CalendarDay(2026, 2, 20), TimeOfDay(hour: 9)!)
            func ask(_ text: String) async throws -> Question {
                try await store.submitQuestion(
                    to: meeting.id, name: "Ann", place: "Leominster", email: "ann@example.com", addressee: "The chair", text: text, receivedAt: asked,
                    from: "192.0.2.1", at: fixedNow)
            }
            let first = try await ask("One?")
            let second = try await ask("Two?")
            #expect([first.number, second.number] == ["PQ 1", "PQ 2"] && first.status == .received)
            #expect(try await store.questionToHandle(second.id)?.email == "ann@example.com")
            #expect(try await store.questionToHandle(.init("no/such/question")) == nil)
            #expect(try await store.questionSubmissions(from: "192.0.2.1", since: fixedNow.addingTimeInterval(-60)) == 2)
            #expect(try await store.questionSubmissions(from: "192.0.2.2", since: fixedNow.addingTimeInterval(-60)) == 0)
            #expect(try await store.questionsToHandle(from: CalendarDay(2026, 1, 1)).map(\.question.number) == ["PQ 1", "PQ 2"])
            try await store.updateQuestion(first.id, by: "clerk", at: fixedNow) { $0.status = .accepted }
            #expect(try await store.questionToHandle(first.id)?.question.status == .accepted)
            #expect(try await store.history(of: first.id.rawValue).map(\.actor) == ["public: Ann", "clerk"])
        }
    }

    @Test("Minutes: the working copy starts from the public record, the first number runs on through the municipal year, publishing writes them as draft minutes with the new people and marked recommendations, and a later meeting approves them", arguments: StoreKind.allCases)
    func minutes(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let march = batch.meetings[3].id
            let may = batch.meetings[4].id
            #expect(try await store.minutes(of: .init("no/such/meeting")) == nil)
            #expect(try await store.minutes(of: march)?.isPublished == false)
            #expect(try await store.minutes(of: batch.meetings[1].id)?.items.map(\.number) == [42, 45, 48])
            #expect(try await store.firstMinuteNumber(of: march) == 49)
            #expect(try await store.firstMinuteNumber(of: may) == 1)
            // A municipal year that starts at an annual meeting in March puts the meeting of 18 March 2025 first in its year.
            let rules = try await store.updateRules(of: batch.authorities[0].id, by: "clerk", at: fixedNow) { $0.annualMeetings = [CalendarDay(2025, 3, 3)] }
            #expect(rules.annualMeetings == [CalendarDay(2025, 3, 3)])
            #expect(try await store.authority(batch.authorities[0].id)?.rules == rules)
            #expect(try await store.firstMinuteNumber(of: march) == 1)
            try await store.updateRules(of: batch.authorities[0].id, by: "clerk", at: fixedNow) { $0.annualMeetings = [] }
            #expect(try await store.firstMinuteNumber(of: march) == 49)
            let officer = Person(named: "Ann Other", of: batch.authorities[0].id, jobTitle: "Democratic Services Officer")
            try await store.updateMinutes(march, by: "clerk", at: fixedNow) { minutes in
                try minutes.record(.officer(jobTitle: "Democratic Services Officer"), for: officer.id, newPerson: officer)
                try minutes.add(title: "URGENT BUSINESS", access: .open, startingAt: 49)
                try minutes.edit(49, title: "URGENT BUSINESS", text: "Discussed.", resolutions: ["That officers report back."], leadIn: nil, access: .open)
                try minutes.mark(.init(minute: 49, resolution: 0, addressee: .officers("Director"), responseRule: .standard))
            }
            #expect(try await store.person(officer.id) == nil)
            await #expect(throws: StoreError.self) {
                try await store.publishMinutes(march, by: "clerk", at: fixedNow, today: CalendarDay(2025, 3, 17)) { _ in }
            }
            let published = try await store.publishMinutes(march, by: "clerk", at: fixedNow, today: CalendarDay(2025, 3, 18)) { _ in }
            #expect(published.isPublished && published.published.count == 1)
            #expect(try await store.meeting(march)?.status == .held(endedAt: nil))
            #expect(try await store.person(officer.id)?.jobTitle == "Democratic Services Officer")
            #expect(try await store.minuteItems(of: march).map(\.title) == ["URGENT BUSINESS"])
            #expect(try await store.recommendations(of: committee.id).contains { $0.text == "That officers report back." && $0.number == "49" })
            let held = try #require(try await store.meeting(march))
            try await store.updateMinutes(may, by: "clerk", at: fixedNow) { minutes in
                try minutes.add(title: "MINUTES", access: .open, startingAt: 1)
                try minutes.approveMinutes(of: held, inMinute: 1)
            }
            try await store.publishMinutes(may, by: "clerk", at: fixedNow, today: CalendarDay(2025, 5, 27)) { _ in }
            #expect(try await store.meeting(march)?.status == .minutesApproved(endedAt: nil))
            #expect(try await store.minutesApproval(of: march) == may)
            await #expect(throws: StoreError.self) { try await store.updateMinutes(march, by: "clerk", at: fixedNow) { $0.endedAt = nil } }
            #expect(try await store.history(of: march.rawValue).map(\.actor).suffix(2) == ["clerk", "clerk"])
            // The scorecard's read: the year's meetings and the first after, their questions, the approvals, the year's recommendations.
            let papers = try #require(try await store.scorecardPapers(of: committee.id, from: CalendarDay(2024, 5, 1), to: CalendarDay(2025, 4, 30)))
            #expect(papers.meetings.map(\.start.day.iso) == ["2024-11-26", "2025-01-21", "2025-02-04", "2025-03-18", "2025-05-27"])
            #expect(papers.approvals == [march: may] && papers.questions.count == 4 && papers.rules == .standard)
            #expect(Set(papers.recommendations.map(\.meetingDay.iso)) == ["2025-01-21", "2025-03-18"])
            #expect(try await store.scorecardPapers(of: .init("no/such"), from: CalendarDay(2024, 5, 1), to: CalendarDay(2025, 4, 30)) == nil)
        }
    }

    @Test("The work programme and the forward plan: read whole, changed in one audited transaction each, all or nothing", arguments: StoreKind.allCases)
    func planning(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            #expect(try await store.workProgramme(of: .init("no/such")) == nil)
            let held = try #require(try await store.workProgramme(of: committee.id))
            #expect(held.sessions.count == batch.workProgrammeSessions.count && held.items.count == batch.workProgrammeItems.count)
            let changed = try await store.updateWorkProgramme(committee.id, by: "officer", at: fixedNow) { programme in
                let session = try programme.addSession(on: CalendarDay(2026, 9, 15), kind: .committeeMeeting, reportDeadline: nil, planning: .none)
                try programme.addTopic(.init(title: "Youth justice", objectives: "Reoffending."), to: session)
                try programme.remove(.init(under: committee.id, "work-programme/items/send-transport"))
            }
            #expect(try await store.workProgramme(of: committee.id) == changed)
            #expect(try await store.search(SearchQuery(parsing: "reoffending")).total == 1)
            await #expect(throws: (any Error).self) {
                try await store.updateWorkProgramme(committee.id, by: "officer", at: fixedNow) { programme in
                    try programme.addTopic(.init(title: "Half done"), to: nil)
                    try programme.remove(.init(under: committee.id, "work-programme/items/nonesuch"))
                }
            }
            #expect(try await store.workProgramme(of: committee.id) == changed)
            #expect(try await store.history(of: committee.id.rawValue + "/work-programme/items/send-transport").last?.action == .deleted)

            let authority = batch.authorities[0].id
            let entry = ForwardPlanEntry(id: .init(under: authority, "forward-plan/budget"), authority: authority, title: "Budget", decisionMaker: "Council", decisionType: .key)
            let plan = try await store.updateForwardPlan(of: authority, by: "officer", at: fixedNow) { $0.append(entry) }
            let stored = try await store.forwardPlan(of: authority)
            #expect(plan.contains(entry) && stored.contains(entry))
            try await store.updateWorkProgramme(committee.id, by: "officer", at: fixedNow) { programme in
                guard let item = programme.items.first(where: { $0.title == "Youth justice" }) else { return }
                var topic = item.topic
                topic.forwardPlanEntry = entry.id
                try programme.editTopic(item.id, topic)
            }
            try await store.updateForwardPlan(of: authority, by: "officer", at: fixedNow) { $0.removeAll { $0.id == entry.id } }
            #expect(try await store.workProgramme(of: committee.id)?.items.first { $0.title == "Youth justice" }?.forwardPlanEntry == nil)
            await #expect(throws: StoreError.self) {
                try await store.updateForwardPlan(of: authority, by: "officer", at: fixedNow) { $0.append(ForwardPlanEntry(id: .init("other/forward-plan/x"), authority: .init("other"), title: "X", decisionMaker: "Y")) }
            }
            #expect(try await store.history(of: entry.id.rawValue).map(\.action) == [.created, .deleted])
        }
    }

    @Test("Papers: kept with their checksum, each file once, listed oldest first, an unpublished version replaced by the next, their bytes checked when read, made public by the publication that carries them", arguments: StoreKind.allCases)
    func papers(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let meeting = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            try await store.addMeetings([meeting], by: "clerk", at: fixedNow)
            try await store.updateAgenda(meeting.id, by: "clerk", at: fixedNow) { agenda in
                try agenda.add(.init(title: "BUDGET", description: "", access: .open, report: .init(leadOfficer: "Director", author: nil)), standard: [])
            }
            let bytes = pdf(["Budget"])
            let sha = bytes.sha256Hex
            let paper = Paper(
                meeting: meeting.id, itemNumber: "1", appendix: nil, filename: "budget.pdf", format: .pdf, size: bytes.count, sha256: sha,
                uploadedAt: LocalDateTime(CalendarDay(2026, 2, 1), TimeOfDay(hour: 9)!), uploadedBy: "clerk")
            await #expect(throws: StoreError.self) {
                try await store.addPaper(paper, bytes: Data("something else".utf8), by: "clerk", at: fixedNow, agenda: nil)
            }
            #expect(try await store.papers(of: meeting.id).isEmpty)
            try await store.addPaper(paper, bytes: bytes, by: "clerk", at: fixedNow) { agenda in
                guard var report = agenda.reports.first else { return }
                report.purpose = "To set the budget."
                try agenda.updateReport(report)
            }
            await #expect(throws: StoreError.self) { try await store.addPaper(paper, bytes: bytes, by: "clerk", at: fixedNow, agenda: nil) }
            #expect(try await store.papers(of: meeting.id) == [paper])
            #expect(try await store.contents(of: paper) == bytes)
            #expect(try await store.agenda(of: meeting.id)?.reports.first?.purpose == "To set the budget.")
            try await store.publishAgenda(meeting.id, by: "clerk", at: fixedNow, on: LocalDateTime(CalendarDay(2026, 2, 2), TimeOfDay(hour: 9)!)) { _ in }
            #expect(try await store.papers(of: meeting.id).first?.publication == 0)
            #expect(try await store.history(of: paper.id.rawValue).map(\.action) == [.created, .updated])

            // Before publication, papers follow their items when one before them is removed, and go with an item removed.
            let next = Meeting(of: committee.id, on: LocalDateTime(CalendarDay(2026, 4, 14), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            try await store.addMeetings([next], by: "clerk", at: fixedNow)
            try await store.updateAgenda(next.id, by: "clerk", at: fixedNow) { agenda in
                for title in ["FIRST", "SECOND"] {
                    try agenda.add(.init(title: title, description: "", access: .open, report: .init(leadOfficer: "Director", author: nil)), standard: [])
                }
            }
            func upload(_ item: String, _ text: String) async throws -> Paper {
                let bytes = pdf([text])
                let paper = Paper(
                    meeting: next.id, itemNumber: item, appendix: nil, filename: "\(text).pdf", format: .pdf, size: bytes.count, sha256: bytes.sha256Hex,
                    uploadedAt: LocalDateTime(CalendarDay(2026, 3, 1), TimeOfDay(hour: 9)!), uploadedBy: "clerk")
                return try await store.addPaper(paper, bytes: bytes, by: "clerk", at: fixedNow, agenda: nil)
            }
            let first = try await upload("1", "first")
            let second = try await upload("2", "second")
            try await store.updateAgenda(next.id, by: "clerk", at: fixedNow) { try $0.remove(.init(under: next.id, "items/1")) }
            #expect(try await store.papers(of: next.id).map { "\($0.filename) \($0.itemNumber)" } == ["second.pdf 1"])
            #expect(try await store.history(of: first.id.rawValue).map(\.action) == [.created, .deleted])
            #expect(try await store.history(of: second.id.rawValue).map(\.action) == [.created, .updated])

            // A version not yet published is replaced by the next; the published one is kept beside it.
            try await store.publishAgenda(next.id, by: "clerk", at: fixedNow, on: LocalDateTime(CalendarDay(2026, 3, 2), TimeOfDay(hour: 9)!)) { _ in }
            let draft = try await upload("1", "draft")
            let final = try await upload("1", "final")
            #expect(try await store.papers(of: next.id).map(\.filename) == ["second.pdf", "final.pdf"])
            #expect(try await store.history(of: draft.id.rawValue).map(\.action) == [.created, .deleted])
            #expect(try await store.history(of: final.id.rawValue).map(\.action) == [.created])
        }
    }

    @Test("Improvement plans: listed, found by the end of their identifier, changed and audited whole, merged on import without losing what officers recorded; the indicators a recommendation names", arguments: StoreKind.allCases)
    func plans(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            try await store.save(batch, by: "test", at: fixedNow)
            let plan = try #require(batch.improvementPlans.first)
            #expect(try await store.plans() == [plan])
            #expect(try await store.plan(slug: plan.slug) == plan)
            #expect(try await store.plan(slug: "nonesuch") == nil)
            let indicator = plan.indicators[0].id
            try await store.updatePlan(plan.id, by: "officer", at: fixedNow) { plan in
                plan.indicators[0].record(Observation(period: "2024/25", ends: CalendarDay(2025, 3, 31), value: 91, source: "recorded"))
                plan.versions[0].priorities[0].actions[0].progress.append(ProgressNote(day: CalendarDay(2024, 12, 1), text: "Done.", isComplete: true, by: "officer"))
            }
            // A later import of the same version keeps what officers recorded, and adds what is new.
            var again = batch
            again.improvementPlans[0].indicators[0].record(Observation(period: "2021/22", ends: CalendarDay(2022, 3, 31), value: 70))
            try await store.save(again, by: "test", at: fixedNow)
            let held = try #require(try await store.plans().first)
            #expect(held.indicators[0].observations.map(\.period) == ["2021/22", "2022/23", "2023/24", "2024/25"])
            #expect(held.versions[0].priorities[0].actions[0].progress.count == 1)
            #expect(try await store.history(of: plan.id.rawValue).map(\.action) == [.created, .updated, .updated])
            await #expect(throws: StoreError.self) { try await store.updatePlan(.init("no/such/plan"), by: "officer", at: fixedNow) { _ in } }

            let recommendation = batch.recommendations[1].id
            try await store.setIndicators([indicator], for: recommendation, by: "officer", at: fixedNow)
            #expect(try await store.indicators(namedBy: recommendation).map(\.indicator.id) == [indicator])
            await #expect(throws: StoreError.self) { try await store.setIndicators([.init("no/such/indicator")], for: recommendation, by: "officer", at: fixedNow) }
            try await store.setIndicators([], for: recommendation, by: "officer", at: fixedNow)
            #expect(try await store.indicators(namedBy: recommendation).isEmpty)
        }
    }
}
