import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The home page: upcoming meetings, recently published papers and how many recommendations are overdue.
struct HomeRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/", use: home)
        let stylesheet = (try? WebConfiguration.asset("quorum.css")) ?? ""
        router.page("/assets/quorum.css") { request, context in
            Body(bytes: stylesheet, contentType: "text/css; charset=utf-8", headers: [.cacheControl: "public, max-age=3600"])
                .response(from: request, context: context)
        }
    }

    func home(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let now = todayInLondon(today)
        // One read: the committees, the meetings coming up and the latest with papers, their reports, and the count
        // of overdue recommendations.
        let home = try await store.homePapers(on: now.day, upcoming: 10, recent: 5)
        let committees = Dictionary(home.committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = Dictionary(grouping: home.agendaItems, by: \.meeting)
        let reports = Dictionary(grouping: home.reports, by: \.meeting)
        var papers: [HomePage.Paper] = []
        for meeting in home.recent {
            let agenda = Visibility.public.agenda(items[meeting.id] ?? [], reports: reports[meeting.id] ?? [], of: meeting)
            for entry in agenda {
                guard let report = entry.report else { continue }
                papers.append(
                    .init(
                        title: report.title, href: Paths.agendaItem(entry.item.id),
                        meeting: "\(committees[meeting.committee]?.name ?? "Committee"), \(meeting.start.day.councilStyle)"))
            }
        }
        let page = HomePage(
            title: "Council committees and scrutiny",
            upcoming: home.upcoming.map { MeetingLink($0, committee: committees[$0.committee]?.name ?? "") },
            papers: Array(papers.prefix(10)), overdue: home.overdue, committeeCount: committees.count)
        return HTML(page)
    }
}

/// Everything the home page shows.
struct HomePage: Sendable {
    let title: String
    let upcoming: [MeetingLink]
    let hasUpcoming: Bool
    let papers: [Paper]
    let hasPapers: Bool
    let overdue: Int
    let overdueText: String
    let hasCommittees: Bool

    struct Paper: Sendable {
        let title: String
        let href: String
        let meeting: String
    }

    init(title: String, upcoming: [MeetingLink], papers: [Paper], overdue: Int, committeeCount: Int) {
        self.title = title
        self.upcoming = upcoming
        hasUpcoming = !upcoming.isEmpty
        self.papers = papers
        hasPapers = !papers.isEmpty
        self.overdue = overdue
        overdueText =
            switch overdue {
            case 0: "No recommendations are overdue for a response."
            case 1: "1 recommendation is overdue for a response."
            default: "\(overdue) recommendations are overdue for a response."
            }
        hasCommittees = committeeCount > 0
    }
}
