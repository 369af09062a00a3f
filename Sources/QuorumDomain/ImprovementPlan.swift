import Foundation

/// An improvement plan a committee scrutinises: after an "inadequate" inspection, the council's plan of priorities (the
/// inspectors' recommendations), the actions it will take with a lead and a timescale, its measures of success, and the
/// indicators whose figures over time show whether it is working. A later version (phase 2 after phase 1) is a new
/// version of the same plan; every version stays readable, and the indicators run on across versions.
public struct ImprovementPlan: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<ImprovementPlan>
    public let id: ID
    public var authority: Authority.ID
    /// "Herefordshire Children's Services and Partnership Improvement Plan", without its phase.
    public var title: String
    /// The body that owns it: "Children's Improvement Board".
    public var owner: String
    /// Oldest first.
    public var versions: [PlanVersion]
    public var indicators: [Indicator]
    /// How the plan's case file audits were graded, month by month.
    public var audits: [AuditGrades]

    public init(id: ID, authority: Authority.ID, title: String, owner: String = "", versions: [PlanVersion] = [], indicators: [Indicator] = [], audits: [AuditGrades] = []) {
        self.id = id
        self.authority = authority
        self.title = title
        self.owner = owner
        self.versions = versions.sorted { $0.number < $1.number }
        self.indicators = indicators
        self.audits = audits.sorted { $0.month < $1.month }
    }

    /// A plan identified by its council and its title.
    public init(titled title: String, of authority: Authority.ID, owner: String = "") {
        self.init(id: ID(under: authority, "plans/" + slugged(title, limit: 80)), authority: authority, title: title, owner: owner)
    }

    public var latest: PlanVersion? { versions.last }
    public func version(_ number: Int) -> PlanVersion? { versions.first { $0.number == number } }
    public func indicator(_ id: Indicator.ID) -> Indicator? { indicators.first { $0.id == id } }

    /// The part of its identifier its address names it by.
    public var slug: String { String(id.rawValue.split(separator: "/").last ?? "") }
}

/// One version of an improvement plan, as published: its phase, when, the paper that presented it, and its priorities.
public struct PlanVersion: Hashable, Sendable, Codable {
    /// 1, 2, …: the order of the versions.
    public var number: Int
    /// "Phase 2".
    public var label: String
    /// The period or date it gives itself, as printed: "July 24".
    public var period: String
    /// The meeting and agenda item whose papers presented it, where it came from a pack.
    public var meeting: Meeting.ID?
    public var itemNumber: String?
    public var priorities: [Priority]

    public init(number: Int, label: String, period: String = "", meeting: Meeting.ID? = nil, itemNumber: String? = nil, priorities: [Priority] = []) {
        self.number = number
        self.label = label
        self.period = period
        self.meeting = meeting
        self.itemNumber = itemNumber
        self.priorities = priorities
    }
}

/// A priority of the plan (an inspector's recommendation), with its measures of success and the actions it takes.
public struct Priority: Hashable, Sendable, Codable {
    public var number: Int
    /// "Ofsted Recommendation 1", as the plan heads it.
    public var heading: String
    public var text: String
    /// Statements of what success will look like.
    public var measures: [String]
    public var actions: [PlanAction]

    public init(number: Int, heading: String, text: String, measures: [String] = [], actions: [PlanAction] = []) {
        self.number = number
        self.heading = heading
        self.text = text
        self.measures = measures
        self.actions = actions
    }
}

/// An action the plan will take: what, who leads it (a person or a forum), and by when, as published and as read.
public struct PlanAction: Hashable, Sendable, Codable {
    /// "3.2": the priority and the action's place in it.
    public var number: String
    public var text: String
    public var lead: String
    public var timescale: Timescale
    /// What officers have recorded of its progress, oldest first.
    public var progress: [ProgressNote]

    public init(number: String, text: String, lead: String, timescale: Timescale, progress: [ProgressNote] = []) {
        self.number = number
        self.text = text
        self.lead = lead
        self.timescale = timescale
        self.progress = progress
    }

    /// Where the action stands on `today`: derived from its timescale and the progress recorded, never typed.
    public func status(on today: CalendarDay) -> ActionStatus {
        if progress.contains(where: \.isComplete) { return .complete }
        if timescale.isRecurring { return .ongoing }
        if let end = timescale.end, today > end { return .overdue }
        if let start = timescale.start, today < start { return progress.isEmpty ? .notStarted : .inProgress }
        if timescale.start != nil || timescale.end != nil || !progress.isEmpty { return .inProgress }
        return .noTimescale
    }
}

/// A note of an action's progress, recorded by an officer.
public struct ProgressNote: Hashable, Sendable, Codable {
    public var day: CalendarDay
    public var text: String
    /// Whether the note records the action as done.
    public var isComplete: Bool
    public var by: String

    public init(day: CalendarDay, text: String, isComplete: Bool, by: String) {
        self.day = day
        self.text = text
        self.isComplete = isComplete
        self.by = by
    }
}

/// Where an action stands.
public enum ActionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case notStarted, inProgress, overdue, complete, ongoing, noTimescale

    public var label: String {
        switch self {
        case .notStarted: "Not yet started"
        case .inProgress: "In progress"
        case .overdue: "Past its timescale, not recorded as complete"
        case .complete: "Complete"
        case .ongoing: "Ongoing (recurring)"
        case .noTimescale: "No timescale given"
        }
    }
}

/// An action's timescale as published ("April 24 - 27", "Aug 24", "Sept – Dec 24", "Reporting quarterly"), and what it
/// means where the text allows: the first and last day of its period, or that it recurs.
public struct Timescale: Hashable, Sendable, Codable {
    public var text: String
    public var start: CalendarDay?
    public var end: CalendarDay?
    /// "Quarterly", "monthly", "annual": it recurs rather than ends.
    public var isRecurring: Bool

    public init(text: String, start: CalendarDay? = nil, end: CalendarDay? = nil, isRecurring: Bool = false) {
        self.text = text
        self.start = start
        self.end = end
        self.isRecurring = isRecurring
    }

    /// Reads a published timescale. Months are "Aug", "Sept", "August"; years "24", "2024", "24/25" (the financial year
    /// April to March); a range joins two with "-", "–" or "to" and takes the year of the end where the start has none
    /// ("Sept – Dec 24"); "By Dec 24" ends then; "Summer 24" is June to August. What cannot be read keeps only its text.
    public init(reading text: String) {
        self.init(text: text)
        // A slash between digits makes a financial year ("24/25"); between words it separates them ("Sept /Oct 24").
        let characters = Array(text.lowercased())
        let lower = String(characters.indices.map { i -> Character in
            guard characters[i] == "/" else { return characters[i] }
            let before = i > 0 && characters[i - 1].isNumber
            let after = i + 1 < characters.count && characters[i + 1].isNumber
            return before && after ? "/" : " "
        })
        let recurring = ["quarterly", "qrtly", "monthly", "annual", "annually", "weekly", "six weekly", "ongoing"]
        // "2024-25" is a financial year, written with a dash.
        let dashed = lower.replacing(/\b(\d{4})\s*[-–]\s*(\d{2})\b/) { match in
            Self.financialYear("\(match.1)/\(match.2)") != nil ? "\(match.1)/\(match.2)" : String(match.0)
        }
        var words = dashed.split { !$0.isLetter && !$0.isNumber && $0 != "/" }.map(String.init)
        // A number that counts something ("12 months", "within 28 days") is not a year.
        let counted: Set = ["month", "months", "day", "days", "week", "weeks", "year", "years", "working"]
        words = words.enumerated().filter { index, word in
            !(word.allSatisfy(\.isNumber) && index + 1 < words.count && counted.contains(words[index + 1]))
        }.map(\.element)
        let hasDate = words.contains { Self.month($0) != nil || Self.year($0) != nil || Self.season($0) != nil }
        if words.contains(where: { recurring.contains($0) }) && !words.contains("by") && !(hasDate && !lower.contains("report")) {
            isRecurring = true
        }
        // The dates, in order: each a month or season (optional) and a year (optional), the year carried back.
        var points: [(month: Int?, lastMonth: Int?, year: Int?, financial: (Int, Int)?)] = []
        for word in words {
            if let month = Self.month(word) {
                points.append((month, month, nil, nil))
            } else if let (first, last) = Self.season(word) {
                points.append((first, last, nil, nil))
            } else if let financial = Self.financialYear(word) {
                if let last = points.last, last.year == nil, last.month != nil, last.financial == nil {
                    points[points.count - 1].year = financial.0
                } else {
                    points.append((nil, nil, nil, financial))
                }
            } else if let year = Self.year(word) {
                if let last = points.last, last.year == nil, last.financial == nil {
                    points[points.count - 1].year = year
                } else {
                    points.append((nil, nil, year, nil))
                }
            }
        }
        guard !points.isEmpty else { return }
        // A year given only at the end serves the months before it ("Sept – Dec 24"); a start month after the end month
        // belongs to the year before ("Nov 24 - Feb 25" is explicit; "Nov – Feb 25" means November 2024).
        var carried: Int?
        for index in points.indices.reversed() {
            if let year = points[index].year { carried = year } else if points[index].month != nil, let year = carried {
                let later = points[(index + 1)...].first { $0.month != nil }
                let wraps = later.map { ($0.month ?? 13) < (points[index].month ?? 0) } ?? false
                points[index].year = wraps ? year - 1 : year
            }
        }
        func first(_ point: (month: Int?, lastMonth: Int?, year: Int?, financial: (Int, Int)?)) -> CalendarDay? {
            if let (from, _) = point.financial { return CalendarDay(from, 4, 1) }
            guard let year = point.year else { return nil }
            return CalendarDay(year, point.month ?? 1, 1)
        }
        func last(_ point: (month: Int?, lastMonth: Int?, year: Int?, financial: (Int, Int)?)) -> CalendarDay? {
            if let (_, to) = point.financial { return CalendarDay(to, 3, 31) }
            guard var year = point.year else { return nil }
            let month = point.lastMonth ?? 12
            // Winter runs from December into the next year.
            if let first = point.month, month < first { year += 1 }
            return CalendarDay(year, month, CalendarDay.daysIn(month: month, year: year))
        }
        if words.first == "by" || words.first == "in" && words.dropFirst().first == "place" {
            end = last(points[points.count - 1])
            return
        }
        // "From April 24", "Sept 24 onwards": a start, and no end.
        if words.first == "from" && points.count == 1 || words.contains("onwards") || words.contains("onward") {
            start = first(points[0])
            return
        }
        start = first(points[0])
        end = last(points[points.count - 1])
        if let s = start, let e = end, e < s { (start, end) = (nil, nil) }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The month a word names: "Aug", "Sept", "August".
    public static func month(_ word: String) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        let full = CalendarDay.monthNames.map { $0.lowercased() }
        if let index = full.firstIndex(of: word) { return index + 1 }
        if word == "sept" { return 9 }
        return word.count <= 4 ? months.firstIndex(of: String(word.prefix(3))).map { $0 + 1 } : nil
    }

    static func season(_ word: String) -> (Int, Int)? {
        switch word {
        case "spring": (3, 5)
        case "summer": (6, 8)
        case "autumn": (9, 11)
        case "winter": (12, 2)
        default: nil
        }
    }

    /// "24" or "2024".
    static func year(_ word: String) -> Int? {
        guard word.allSatisfy(\.isNumber), let n = Int(word) else { return nil }
        if word.count == 4, (1990...2100).contains(n) { return n }
        if word.count == 2 { return 2000 + n }
        return nil
    }

    /// "24/25" or "2024/25": the financial year from April 2024 to March 2025.
    public static func financialYear(_ word: String) -> (Int, Int)? {
        let parts = word.split(separator: "/")
        guard parts.count == 2, let a = year(String(parts[0])), let b = year(String(parts[1])) else { return nil }
        let to = b < 100 ? (a / 100) * 100 + b : b
        let end = to < a ? to + 100 : to
        return end == a + 1 ? (a, end) : nil
    }
}

/// A figure the plan is measured by, with its value for each period published or recorded.
public struct Indicator: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<Indicator>
    public let id: ID
    /// "Referral decision within 24hrs".
    public var name: String
    public var unit: Unit
    /// Whether a higher figure is better (timeliness); lower is better for repeat referrals.
    public var higherIsBetter: Bool
    public var target: Double?
    /// How often it is reported: "Monthly", "Yearly".
    public var frequency: String
    /// Oldest period first.
    public var observations: [Observation]

    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        case percent, count, per10000, days

        public var label: String {
            switch self {
            case .percent: "Per cent"
            case .count: "Number"
            case .per10000: "Per 10,000 children"
            case .days: "Days"
            }
        }

        /// "79%", "88 per 10,000", "12 days".
        public func format(_ value: Double) -> String {
            let number = format2(value)
            switch self {
            case .percent: return number + "%"
            case .count: return number
            case .per10000: return number + " per 10,000"
            case .days: return number + " days"
            }
        }

        /// What is wrong with a figure in this unit, and which part of it, or `nil`: none is below 0, a percentage is at
        /// most 100, a numerator and a denominator come together with the numerator no more than the denominator, and a
        /// percentage agrees with them (to the rounding a published figure has).
        public func problem(value: Double, numerator: Int?, denominator: Int?) -> (part: FigurePart, message: String)? {
            if value < 0 { return (.value, "The figure cannot be less than 0") }
            if self == .percent, value > 100 { return (.value, "A percentage cannot be more than 100") }
            switch (numerator, denominator) {
            case (nil, nil): return nil
            case (.some, nil): return (.denominator, "Enter the denominator with the numerator, or neither")
            case (nil, .some): return (.numerator, "Enter the numerator with the denominator, or neither")
            case (let n?, let d?):
                if d == 0 || n > d { return (.denominator, "The denominator must be at least the numerator, and more than 0") }
                let share = 100 * Double(n) / Double(d)
                if self == .percent, abs(share - value) > 0.5 { return (.value, "\(n) out of \(d) is \(format2(share))%, not \(format2(value))%") }
                return nil
            }
        }
    }

    public enum FigurePart: String, Sendable { case value, numerator, denominator }

    /// A figure as people write one: digits with an optional sign, thousands commas, decimal point and per cent sign
    /// ("89", "96.5", "1,204", "79%"). `nil` for anything else, an exponent or "nan" among them.
    public static func figure(_ text: String) -> Double? {
        var plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if plain.hasSuffix("%") { plain.removeLast() }
        let digits = plain.hasPrefix("-") ? plain.dropFirst() : Substring(plain)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.count == 1 || !parts[1].isEmpty, digits.count <= 15
        else { return nil }
        return Double(plain)
    }

    public init(id: ID, name: String, unit: Unit, higherIsBetter: Bool, target: Double? = nil, frequency: String = "", observations: [Observation] = []) {
        self.id = id
        self.name = name
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.target = target
        self.frequency = frequency
        self.observations = observations.sorted { $0.ends < $1.ends }
    }

    /// An indicator of `plan` identified by its name.
    public init(named name: String, of plan: ImprovementPlan.ID, unit: Unit, higherIsBetter: Bool) {
        self.init(id: ID(under: plan, "indicators/" + slugged(name, limit: 60)), name: name, unit: unit, higherIsBetter: higherIsBetter)
    }

    /// Records a figure for a period, replacing one held for the same period; the same figure again leaves the one held
    /// as it is, with where it came from.
    public mutating func record(_ observation: Observation) {
        // "23/24" and "2023/24" are one period: the same last day.
        if let held = observations.first(where: { $0.ends == observation.ends }), held.value == observation.value,
           held.numerator == observation.numerator, held.denominator == observation.denominator {
            return
        }
        observations.removeAll { $0.ends == observation.ends }
        observations.append(observation)
        observations.sort { $0.ends < $1.ends }
    }

    /// Whether the figure has moved in the good direction since `day`: the last figure for a period ending on or before
    /// it against the latest after it. `nil` when there is no figure on one side.
    public func movement(since day: CalendarDay) -> Movement? {
        guard let after = observations.last(where: { $0.ends > day }) else { return nil }
        guard let before = observations.last(where: { $0.ends <= day }) else { return nil }
        let better = higherIsBetter ? after.value > before.value : after.value < before.value
        let same = after.value == before.value
        return Movement(from: before, to: after, direction: same ? .unchanged : better ? .better : .worse)
    }

    public struct Movement: Hashable, Sendable {
        public enum Direction: String, Hashable, Sendable { case better, worse, unchanged }
        public let from: Observation
        public let to: Observation
        public let direction: Direction
    }
}

/// The value of an indicator for one period, with its numerator and denominator where published ("74/144 (51%)").
public struct Observation: Hashable, Sendable, Codable {
    /// As published: "2023/24", "March 2024".
    public var period: String
    /// The last day of the period, for order and charts.
    public var ends: CalendarDay
    public var value: Double
    public var numerator: Int?
    public var denominator: Int?
    /// Where it came from: the paper, or the officer who recorded it.
    public var source: String

    public init(period: String, ends: CalendarDay, value: Double, numerator: Int? = nil, denominator: Int? = nil, source: String = "") {
        self.period = period
        self.ends = ends
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.source = source
    }

    /// Reads a period as councils print them: "2023/24" or "23/24" (a financial year), "March 2024", "2024". `nil` when
    /// it is none of these.
    public static func periodEnd(_ text: String) -> CalendarDay? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "/" }.map(String.init)
        if words.count == 1, let (_, to) = Timescale.financialYear(words[0]) { return CalendarDay(to, 3, 31) }
        if words.count == 1, let year = Timescale.year(words[0]), words[0].count == 4 { return CalendarDay(year, 12, 31) }
        if words.count == 2, let month = Timescale.month(words[0]), let year = Timescale.year(words[1]) {
            return CalendarDay(year, month, CalendarDay.daysIn(month: month, year: year))
        }
        if let day = typedDay(text) { return day }
        return nil
    }
}

/// How a month's case file audits were graded, in per cent of the audits, where published.
public struct AuditGrades: Hashable, Sendable, Codable {
    /// The first day of the month.
    public var month: CalendarDay
    public var outstanding: Double?
    public var good: Double?
    public var requiresImprovement: Double?
    public var inadequate: Double?
    public var source: String

    public init(month: CalendarDay, outstanding: Double? = nil, good: Double? = nil, requiresImprovement: Double? = nil, inadequate: Double? = nil, source: String = "") {
        self.month = CalendarDay(month.year, month.month, 1)
        self.outstanding = outstanding
        self.good = good
        self.requiresImprovement = requiresImprovement
        self.inadequate = inadequate
        self.source = source
    }

    /// The grades in the order inspectors give them, best first, with their share where published.
    public var grades: [(name: String, share: Double?)] {
        [("Outstanding", outstanding), ("Good", good), ("Requires improvement", requiresImprovement), ("Inadequate", inadequate)]
    }

    /// Another report's figures for the same month fill what this one did not publish.
    public mutating func merge(_ other: AuditGrades) {
        outstanding = outstanding ?? other.outstanding
        good = good ?? other.good
        requiresImprovement = requiresImprovement ?? other.requiresImprovement
        inadequate = inadequate ?? other.inadequate
    }
}

/// Up to two decimal places, without trailing zeros: 96.51, 92.5.
func format2(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    guard abs(value) < 1e12 else { return String(format: "%.0f", value) }
    var text = String(Int((value * 100).rounded()))
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    while text.count < 3 { text = "0" + text }
    var result = String(text.dropLast(2)) + "." + String(text.suffix(2))
    while result.hasSuffix("0") { result.removeLast() }
    if result.hasSuffix(".") { result.removeLast() }
    return (negative ? "-" : "") + result
}
