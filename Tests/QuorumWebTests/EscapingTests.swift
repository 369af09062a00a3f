import Foundation
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// Markup a council paper could carry in any field, by accident or not.
private let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=1>"]

extension RecordBatch {
    /// The same records with both payloads added to every text a page can show: names, titles, venues, contacts,
    /// agenda items, reports (sections, recommendations, appendices, contacts), minutes and resolutions, questions and
    /// answers, recommendations and responses, declarations, the work programme and the forward plan.
    func planted() -> RecordBatch {
        let mark = " " + payloads.joined(separator: " ")
        func plant(_ text: inout String) { text += mark }
        func plant(_ text: inout String?) { text = (text ?? "") + mark }
        func plant(_ contact: inout Contact?) {
            guard var c = contact else { return }
            plant(&c.name)
            plant(&c.role)
            contact = c
        }
        var batch = self
        for i in batch.authorities.indices { plant(&batch.authorities[i].name) }
        for i in batch.committees.indices {
            plant(&batch.committees[i].name)
            plant(&batch.committees[i].remit)
            plant(&batch.committees[i].clerk)
        }
        for i in batch.people.indices {
            plant(&batch.people[i].name)
            plant(&batch.people[i].jobTitle)
        }
        for i in batch.meetings.indices {
            plant(&batch.meetings[i].venue)
            plant(&batch.meetings[i].clerk)
            plant(&batch.meetings[i].startCondition)
            if batch.meetings[i].knownFrom != nil { plant(&batch.meetings[i].knownFrom) }
            if case .cancelled = batch.meetings[i].status { batch.meetings[i].status = .cancelled(reason: "Cancelled" + mark) }
        }
        for i in batch.agendaItems.indices {
            plant(&batch.agendaItems[i].title)
            plant(&batch.agendaItems[i].description)
        }
        for i in batch.reports.indices {
            plant(&batch.reports[i].title)
            plant(&batch.reports[i].reportBy)
            plant(&batch.reports[i].wardsAffected)
            plant(&batch.reports[i].purpose)
            plant(&batch.reports[i].classificationText)
            plant(&batch.reports[i].cabinetPortfolio)
            plant(&batch.reports[i].author)
            plant(&batch.reports[i].democraticServices)
            for j in batch.reports[i].recommendations.indices { plant(&batch.reports[i].recommendations[j].text) }
            for j in batch.reports[i].sections.indices {
                plant(&batch.reports[i].sections[j].heading)
                plant(&batch.reports[i].sections[j].text)
            }
            for j in batch.reports[i].appendices.indices { plant(&batch.reports[i].appendices[j].title) }
        }
        for i in batch.minuteItems.indices {
            plant(&batch.minuteItems[i].title)
            plant(&batch.minuteItems[i].text)
            plant(&batch.minuteItems[i].resolutionLeadIn)
            for j in batch.minuteItems[i].resolutions.indices { plant(&batch.minuteItems[i].resolutions[j].text) }
        }
        for i in batch.questions.indices {
            plant(&batch.questions[i].text)
            plant(&batch.questions[i].addressee)
            if case .publicMember(let name, let place) = batch.questions[i].asker {
                batch.questions[i].asker = .publicMember(name: name + mark, place: (place ?? "") + mark)
            }
            if case .answered(let response) = batch.questions[i].status { batch.questions[i].status = .answered(response: response + mark) }
            if var supplementary = batch.questions[i].supplementary {
                plant(&supplementary.text)
                plant(&supplementary.response)
                batch.questions[i].supplementary = supplementary
            }
        }
        for i in batch.declarations.indices {
            plant(&batch.declarations[i].kind)
            plant(&batch.declarations[i].reason)
        }
        for i in batch.attendance.indices {
            if case .present(let role) = batch.attendance[i].kind { batch.attendance[i].kind = .present(role: (role ?? "") + mark) }
        }
        for i in batch.recommendations.indices {
            plant(&batch.recommendations[i].topic)
            plant(&batch.recommendations[i].text)
            switch batch.recommendations[i].response {
            case .received(let on, let text, let outcome): batch.recommendations[i].response = .received(on: on, text: text + mark, outcome: outcome)
            case .notPursued(let on, let reason): batch.recommendations[i].response = .notPursued(on: on, reason: reason + mark)
            default: break
            }
        }
        for i in batch.workProgrammeItems.indices {
            plant(&batch.workProgrammeItems[i].title)
            plant(&batch.workProgrammeItems[i].objectives)
            plant(&batch.workProgrammeItems[i].evidenceRequired)
            plant(&batch.workProgrammeItems[i].origin)
            for j in batch.workProgrammeItems[i].attendees.indices { plant(&batch.workProgrammeItems[i].attendees[j].name) }
        }
        for i in batch.forwardPlan.indices {
            plant(&batch.forwardPlan[i].title)
            plant(&batch.forwardPlan[i].purpose)
        }
        for i in batch.actions.indices {
            plant(&batch.actions[i].action)
            plant(&batch.actions[i].progress)
        }
        for i in batch.improvementPlans.indices {
            plant(&batch.improvementPlans[i].title)
            plant(&batch.improvementPlans[i].owner)
            for v in batch.improvementPlans[i].versions.indices {
                plant(&batch.improvementPlans[i].versions[v].label)
                plant(&batch.improvementPlans[i].versions[v].period)
                for p in batch.improvementPlans[i].versions[v].priorities.indices {
                    plant(&batch.improvementPlans[i].versions[v].priorities[p].heading)
                    plant(&batch.improvementPlans[i].versions[v].priorities[p].text)
                    for m in batch.improvementPlans[i].versions[v].priorities[p].measures.indices { plant(&batch.improvementPlans[i].versions[v].priorities[p].measures[m]) }
                    for a in batch.improvementPlans[i].versions[v].priorities[p].actions.indices {
                        plant(&batch.improvementPlans[i].versions[v].priorities[p].actions[a].text)
                        plant(&batch.improvementPlans[i].versions[v].priorities[p].actions[a].lead)
                        plant(&batch.improvementPlans[i].versions[v].priorities[p].actions[a].timescale.text)
                    }
                }
            }
            for n in batch.improvementPlans[i].indicators.indices {
                plant(&batch.improvementPlans[i].indicators[n].name)
                for o in batch.improvementPlans[i].indicators[n].observations.indices {
                    plant(&batch.improvementPlans[i].indicators[n].observations[o].period)
                    plant(&batch.improvementPlans[i].indicators[n].observations[o].source)
                }
            }
        }
        for i in batch.warnings.indices { batch.warnings[i].message += mark }
        return batch
    }
}

@Test("Markup planted in every kind of text is escaped on every page and feed, and reaches them")
func everyTextIsEscaped() async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(RecordBatch.everyKind().planted(), by: "test", at: fixedNow)
        try await withApp(store) { client in
            let pages = try await crawl(client, searches: ["alert", "onerror", "script", "img"])
            #expect(pages.count > 30, "the crawl reached \(pages.count) addresses")
            var shown = 0
            for (path, body) in pages where !path.hasPrefix("/api/") && !path.contains(".csv") && !path.contains(".ics") {
                for payload in payloads { #expect(!body.contains(payload), "\(path) prints “\(payload)” unescaped") }
                #expect(!body.contains("<img src=x"), "\(path) prints an img element from the text")
                // The planted text is there, escaped: the test sees the pages it means to.
                if body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") { shown += 1 }
            }
            #expect(shown > 15, "only \(shown) pages showed the planted text")
            // The search form repeats what was typed, escaped.
            let search = try await get(client, "/search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3D1%3E")
            #expect(!search.contains("<img src=x") && search.contains("&quot;&gt;&lt;img src=x onerror=1&gt;"))
        }
    }
}
