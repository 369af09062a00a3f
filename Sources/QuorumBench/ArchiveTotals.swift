import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// How much the generator wrote, for its progress lines and final summary.
struct ArchiveTotals {
    var counts: [String: Int] = [:]
    var textBytes = 0
    var meetingsWithPapers = 0

    private static let order = [
        "meetings", "agenda items", "reports", "attendance", "declarations", "questions", "minute items", "recommendations",
        "work programme sessions", "work programme items", "forward plan entries", "actions", "warnings",
    ]

    mutating func add(_ batch: RecordBatch) {
        let kinds: [(String, Int)] = [
            ("meetings", batch.meetings.count), ("agenda items", batch.agendaItems.count), ("reports", batch.reports.count),
            ("attendance", batch.attendance.count), ("declarations", batch.declarations.count), ("questions", batch.questions.count),
            ("minute items", batch.minuteItems.count), ("recommendations", batch.recommendations.count),
            ("work programme sessions", batch.workProgrammeSessions.count), ("work programme items", batch.workProgrammeItems.count),
            ("forward plan entries", batch.forwardPlan.count), ("actions", batch.actions.count), ("warnings", batch.warnings.count),
        ]
        for (kind, count) in kinds { counts[kind, default: 0] += count }
        meetingsWithPapers += Set(batch.agendaItems.map(\.meeting)).count
        for report in batch.reports {
            textBytes += report.purpose.utf8.count + report.sections.reduce(0) { $0 + $1.text.utf8.count } + report.recommendations.reduce(0) { $0 + $1.text.utf8.count }
        }
        for minute in batch.minuteItems { textBytes += minute.text.utf8.count + minute.resolutions.reduce(0) { $0 + $1.text.utf8.count } }
        for question in batch.questions { textBytes += question.text.utf8.count }
    }

    mutating func formUnion(_ other: ArchiveTotals) {
        counts.merge(other.counts, uniquingKeysWith: +)
        textBytes += other.textBytes
        meetingsWithPapers += other.meetingsWithPapers
    }

    var summary: String {
        "\(counts["meetings", default: 0]) meetings, \(counts["reports", default: 0]) reports, \(counts["minute items", default: 0]) minute items, \(counts["recommendations", default: 0]) recommendations"
    }

    var details: String {
        Self.order.map { "\(counts[$0, default: 0]) \($0)" }.joined(separator: ", ")
    }

    var textKBPerMeetingWithPapers: Double {
        meetingsWithPapers == 0 ? 0 : Double(textBytes) / 1024 / Double(meetingsWithPapers)
    }
}
