import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// The council, its committees and the people who sit on them or serve them: everything the
/// meetings refer to, saved first in one batch.
struct ArchiveCast {
    let authority: Authority
    let committees: [CommitteeCast]
    let councillors: [Person]
    let officers: [Person]
    let coOpted: [Person]

    /// One committee with its theme and its members.
    struct CommitteeCast {
        let committee: Committee
        let theme: CouncilVocabulary.Theme
        let memberships: [Membership]
        /// The cabinet member who attends for its portfolio.
        let cabinetMember: Person
        /// The officers who usually attend and write its reports.
        let officers: [Person]
        /// Usual weekday (0 = Monday) and start time.
        let weekday: Int
        let startTime: TimeOfDay
        let venue: String
    }

    var people: [Person] { councillors + officers + coOpted }
    var memberships: [Membership] { committees.flatMap(\.memberships) }

    /// `electionDay` is when a third of each committee's councillors change.
    init(committeeCount: Int, seed: UInt64, firstDay: CalendarDay, electionDay: CalendarDay) {
        var random = SeededRandom(seed: seed, stream: "cast")
        authority = Authority(named: "Herefordshire Council", website: "herefordshire.gov.uk")
        var usedNames: Set<String> = []
        func newName(_ random: inout SeededRandom) -> String {
            while true {
                let name = "\(random.pick(CouncilVocabulary.firstNames)) \(random.pick(CouncilVocabulary.surnames))"
                if usedNames.insert(name).inserted { return name }
            }
        }
        let authorityID = authority.id
        councillors = (0..<max(60, committeeCount * 4)).map { _ in Person(named: newName(&random), of: authorityID, title: "Councillor") }
        officers = CouncilVocabulary.officerTitles.map { Person(named: newName(&random), of: authorityID, jobTitle: $0) }
        coOpted = (0..<max(8, committeeCount / 2)).map { _ in Person(named: newName(&random), of: authorityID, title: random.pick(["Mr", "Mrs", "Ms", "Dr"])) }

        let themes = CouncilVocabulary.themes
        var committees: [CommitteeCast] = []
        for index in 0..<committeeCount {
            let base = themes[index % themes.count]
            let round = index / themes.count
            let theme = round == 0 ? base : CouncilVocabulary.Theme(
                name: base.name.replacingOccurrences(of: "Committee", with: "Committee \(round + 1)").replacingOccurrences(of: "Board", with: "Board \(round + 1)"),
                remit: base.remit, topics: base.topics, directorate: base.directorate, portfolio: base.portfolio, partners: base.partners,
                isStatutory: base.isStatutory)
            let clerkPerson = officers[1]
            let clerk = Contact(
                name: clerkPerson.name, role: "Democratic Services Officer", phone: "01432 26\(String(format: "%04d", 1000 + index * 37))",
                email: "\(slugged(clerkPerson.name).replacingOccurrences(of: "-", with: "."))@herefordshire.gov.uk")
            let committee = Committee(named: theme.name, of: authorityID, remit: theme.remit, clerk: clerk)

            // 11 councillors and 2 named substitutes; 3 leave at the election and 3 join.
            let seats = random.sample(councillors, 19)
            var memberships: [Membership] = [
                Membership(of: seats[0].id, on: committee.id, role: .chairperson, from: firstDay),
                Membership(of: seats[1].id, on: committee.id, role: .viceChairperson, from: firstDay),
            ]
            for (n, person) in seats[2..<11].enumerated() {
                let leaves = n < 3
                memberships.append(Membership(of: person.id, on: committee.id, role: .councillor, from: firstDay, until: leaves ? electionDay.adding(days: -1) : nil))
            }
            for person in seats[11..<14] {
                memberships.append(Membership(of: person.id, on: committee.id, role: .councillor, from: electionDay))
            }
            for person in seats[14..<16] {
                memberships.append(Membership(of: person.id, on: committee.id, role: .namedSubstitute, from: firstDay))
            }
            if index % 3 == 0 {
                let person = coOpted[index / 3 % coOpted.count]
                memberships.append(Membership(of: person.id, on: committee.id, role: .coOpted(represents: random.pick(CouncilVocabulary.coOptedBodies)), from: firstDay))
            }
            committees.append(CommitteeCast(
                committee: committee, theme: theme, memberships: memberships, cabinetMember: seats[18],
                officers: [officers[0]] + random.sample(Array(officers[2...]), 3), weekday: random.pick([1, 1, 2, 3]),
                startTime: random.pick([TimeOfDay(hour: 10)!, TimeOfDay(hour: 14)!, TimeOfDay(hour: 14)!, TimeOfDay(hour: 18)!]),
                venue: random.pick(CouncilVocabulary.venues)))
        }
        self.committees = committees
    }

    /// The first batch: the authority, everyone, every committee and every membership.
    var batch: RecordBatch {
        var batch = RecordBatch()
        batch.authorities = [authority]
        batch.people = people
        batch.committees = committees.map(\.committee)
        batch.memberships = memberships
        return batch
    }
}
