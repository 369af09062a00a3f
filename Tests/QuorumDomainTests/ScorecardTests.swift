import QuorumDomain
import QuorumTestSupport
import Testing

@Suite("The compliance scorecard")
struct ScorecardTests {
    let committee = Committee.fixture().id

    func meeting(_ day: CalendarDay, _ status: Meeting.Status) -> Meeting {
        Meeting(of: committee, on: LocalDateTime(day, TimeOfDay(hour: 14)!), venue: "Shire Hall", status: status)
    }

    @Test("Each measure counts what the record decides, lists what was missed with the day and the rule, and sets apart what the record cannot tell; nothing long past is pending")
    func measures() {
        let june = meeting(CalendarDay(2024, 6, 11), .minutesApproved(endedAt: nil))
        let september = meeting(CalendarDay(2024, 9, 17), .minutesApproved(endedAt: nil))
        let november = meeting(CalendarDay(2024, 11, 26), .minutesApproved(endedAt: nil))
        let january = meeting(CalendarDay(2025, 1, 21), .cancelled(reason: nil))
        let march = meeting(CalendarDay(2025, 3, 18), .scheduled)
        let nextJune = meeting(CalendarDay(2025, 6, 10), .held(endedAt: nil))
        var known = meeting(CalendarDay(2025, 4, 1), .scheduled)
        known.knownFrom = "the work programme"
        let publications = [
            AgendaPublication(meeting: june.id, number: 0, at: LocalDateTime(CalendarDay(2024, 6, 3), TimeOfDay(hour: 9)!), items: [], by: "clerk"),
            AgendaPublication(meeting: september.id, number: 0, at: LocalDateTime(CalendarDay(2024, 9, 10), TimeOfDay(hour: 9)!), items: [], by: "clerk"),
            AgendaPublication(meeting: september.id, number: 1, at: LocalDateTime(CalendarDay(2024, 9, 12), TimeOfDay(hour: 9)!), items: ["7"], by: "clerk"),
        ]
        let questions = [
            Question(number: "PQ 1", at: june.id, asker: .publicMember(name: "Mr X", place: nil), addressee: "Chair", text: "?", status: .answered(response: "Yes.")),
            Question(number: "PQ 1", at: september.id, asker: .publicMember(name: "Ms Y", place: nil), addressee: "Chair", text: "?", status: .accepted),
            Question(number: "PQ 2", at: september.id, asker: .publicMember(name: "Ms Z", place: nil), addressee: "Chair", text: "?", status: .rejected(reason: "No.")),
            Question(number: "MQ 1", at: september.id, asker: .councillor(Person.fixture().id), addressee: "Chair", text: "?", status: .accepted),
        ]
        func made(_ number: String, _ day: CalendarDay, sent: CalendarDay?, _ response: Recommendation.Response) -> Recommendation {
            Recommendation(number: number, of: committee, madeOn: day, topic: "Topic", text: "Do it.", sentOn: sent, response: response)
        }
        let recommendations = [
            made("1", june.start.day, sent: CalendarDay(2024, 6, 20), .received(on: CalendarDay(2024, 8, 1), text: "Yes.", outcome: .accepted)),
            made("2", june.start.day, sent: CalendarDay(2024, 6, 20), .received(on: CalendarDay(2024, 9, 30), text: "Late.", outcome: nil)),
            made("1", march.start.day, sent: CalendarDay(2025, 3, 20), .awaiting),
            made("2", march.start.day, sent: nil, .awaiting),
            made("3", march.start.day, sent: nil, .notPursued(on: nil, reason: "Stale")),
            made("1", nextJune.start.day, sent: CalendarDay(2025, 6, 12), .awaiting),
        ]
        let card = Scorecard(
            committee: committee, yearStarting: CalendarDay(2024, 5, 1), today: CalendarDay(2025, 12, 1), rules: .standard, calendar: .englandAndWales,
            meetings: [june, september, november, january, march, known, nextJune], publications: publications, questions: questions,
            approvals: [june.id: september.id, september.id: nextJune.id], recommendations: recommendations)
        #expect(card.year == "2024/25" && card.to == CalendarDay(2025, 4, 30))
        #expect(card.agendas.summary == "1 of 3")
        #expect(card.agendas.missed.map(\.text) == [
            "Tuesday 17 September 2024: published Tuesday 10 September 2024, due by Monday 9 September 2024",
            "Tuesday 18 March 2025: not published, due by Monday 10 March 2025",
        ])
        #expect(card.agendas.notRecorded.map(\.text) == ["Tuesday 26 November 2024: published before Quorum recorded the day"])
        #expect(card.questions.summary == "1 of 2" && card.questions.missed.map(\.meeting) == [september.id])
        #expect(card.minutes.summary == "1 of 2")
        #expect(card.minutes.missed.map(\.text) == ["Tuesday 17 September 2024: approved at Tuesday 10 June 2025, not at the next meeting"])
        #expect(card.minutes.notRecorded.map(\.meeting) == [november.id, march.id], "march was never held in Quorum, and the next meeting was")
        #expect(card.recommendations.summary == "1 of 3")
        #expect(card.recommendations.missed.map(\.text) == [
            "Tuesday 11 June 2024, Topic: recommendation 2: answered Monday 30 September 2024, due by Tuesday 20 August 2024",
            "Tuesday 18 March 2025, Topic: recommendation 1: unanswered, due by Tuesday 20 May 2025",
        ])
        #expect(card.recommendations.notRecorded.count == 1)

        // Earlier in the year, what is not yet due is pending, not missed.
        let early = Scorecard(
            committee: committee, yearStarting: CalendarDay(2024, 5, 1), today: CalendarDay(2025, 3, 1), rules: .standard, calendar: .englandAndWales,
            meetings: [june, september, november, march, nextJune], publications: publications, questions: [], approvals: [:], recommendations: [])
        #expect(early.agendas.pending == 1 && early.agendas.missed.count == 1)

        // A year long past, known only from imported agendas: nothing of it is still to come.
        let imported = [meeting(CalendarDay(2024, 6, 11), .agendaPublished), meeting(CalendarDay(2024, 9, 17), .agendaPublished)]
        let old = Scorecard(
            committee: committee, yearStarting: CalendarDay(2024, 5, 1), today: CalendarDay(2025, 12, 1), rules: .standard, calendar: .englandAndWales,
            meetings: imported, publications: [], questions: [], approvals: [:], recommendations: [])
        #expect(old.minutes.pending == 0 && old.minutes.notRecorded.map(\.meeting) == imported.map(\.id))
    }
}
