import QuorumDomain

/// The improvement plans held.
struct PlansPage: Sendable {
    let title: String
    let plans: [Row]
    let hasPlans: Bool

    struct Row: Sendable {
        let link: Link
        let owner: String?
        let latest: String
    }
}

/// A plan: its priorities, then their actions with a status derived from the timescale and the progress recorded, then
/// the measures of success, each indicator's figures as a chart and a table, and the audit grades by month.
struct PlanPage: Sendable {
    let title: String
    let owner: String?
    let version: String
    let versions: [Link]
    let hasVersions: Bool
    /// The meetings whose papers presented a version.
    let meetings: [Link]
    let hasMeetings: Bool
    let priorities: [PriorityView]
    let indicators: [IndicatorView]
    let hasIndicators: Bool
    let auditChart: TrustedHTML?
    let audits: [AuditRow]
    let hasAudits: Bool
    let csv: Link
    let editHref: String?
    let asOf: String

    struct PriorityView: Sendable {
        let heading: String
        let text: String
        let actions: [ActionRow]
        let hasActions: Bool
        let measures: [String]
        let hasMeasures: Bool
    }

    struct ActionRow: Sendable {
        let number: String
        let text: String
        let lead: String
        let timescale: String
        let status: String
        let statusClass: String
        let progress: [String]
    }

    struct AuditRow: Sendable {
        let month: String
        let outstanding: String
        let good: String
        let requiresImprovement: String
        let inadequate: String
    }
}

/// An indicator's figures: a chart, and the same figures as a table beside it.
struct IndicatorView: Sendable {
    let name: String
    let anchor: String
    let chart: TrustedHTML
    let direction: String
    let target: String?
    let rows: [Row]
    /// "Since the response on …, the figure has moved from 79% (2022/23) to 89% (2023/24): in the good direction."
    let movement: String?

    struct Row: Sendable {
        let period: String
        let value: String
        let fraction: String?
        let source: String
    }

    init(_ indicator: Indicator, anchor: String, marks: [(day: CalendarDay, label: String)] = [], movement: String? = nil) {
        name = indicator.name
        self.anchor = anchor
        chart = TrustedHTML(IndicatorChart.svg(indicator, id: anchor, marks: marks))
        direction = indicator.higherIsBetter ? "Higher is better." : "Lower is better."
        target = indicator.target.map { "Target: \(indicator.unit.format($0))." }
        rows = indicator.observations.map { observation in
            Row(
                period: observation.period, value: indicator.unit.format(observation.value),
                fraction: observation.numerator.flatMap { n in observation.denominator.map { "\(n) of \($0)" } }, source: observation.source)
        }
        self.movement = movement
    }
}
