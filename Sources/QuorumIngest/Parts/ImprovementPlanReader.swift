import Foundation
public import QuorumDomain

/// An improvement plan as a pack prints it, before it is tied to the council's records.
public struct PrintedPlan: Sendable, Hashable {
    /// The plan's title without its phase: "Herefordshire Children's Services and Partnership Improvement Plan".
    public var title: String
    /// "Phase 2", and its number.
    public var versionLabel: String
    public var versionNumber: Int
    /// "July 24".
    public var period: String
    /// The body that owns it, where the plan says.
    public var owner: String
    /// The agenda item whose papers carry it.
    public var itemNumber: String?
    public var priorities: [Priority]
    public var indicators: [PrintedIndicator]
    public var audits: [AuditGrades]
    public var line: Int
}

/// A figure the plan reports, with its values for the periods it gives.
public struct PrintedIndicator: Sendable, Hashable {
    public var name: String
    public var unit: Indicator.Unit
    public var higherIsBetter: Bool
    public var observations: [Observation]
}

/// Finds an improvement plan in a pack's papers by its shape: a title naming an improvement plan (with its phase and
/// date), numbered priorities ("Recommendation 3", "Priority 3") each with its measures of success and a table of
/// actions (what, who, when); statements of a figure's change between periods ("… 22/23: 79% increased to 89% for
/// 23/24", "… has increased from 51/124 (41%) to 74/144 (51%)"); and how case file audits were graded in a month
/// ("March 2024; 23% of audits were rated as Inadequate, 50% … Requires Improvement and 27% as Good").
enum ImprovementPlanReader {
    static func read(_ lines: [SourceLine], papers: [(range: Range<Int>, item: String?)]) -> [PrintedPlan] {
        var plans: [PrintedPlan] = []
        for paper in papers {
            let slice = Array(lines[paper.range])
            let priorities = readPriorities(slice)
            guard !priorities.isEmpty, let title = planTitle(slice) else { continue }
            var plan = title
            plan.itemNumber = paper.item
            plan.priorities = priorities
            plan.owner = owner(slice)
            plan.indicators = readIndicators(slice)
            plans.append(plan)
        }
        // Audit grades may be reported in any of the pack's papers (the quality assurance report beside the plan).
        if plans.count == 1 {
            var audits: [AuditGrades] = []
            for paper in papers { merge(readAudits(Array(lines[paper.range])), into: &audits) }
            plans[0].audits = audits.sorted { $0.month < $1.month }
        }
        return plans
    }

    // MARK: Title and owner

    /// The plan's own title: a short line naming an improvement plan, best one with its phase or version, and its date
    /// after a colon.
    static func planTitle(_ lines: [SourceLine]) -> PrintedPlan? {
        var candidates: [(line: SourceLine, text: String)] = []
        for line in lines where !line.isTableRow {
            var text = line.text.trimmingCharacters(in: .whitespaces)
            for label in ["title of report:", "report title:", "appendix 1", "appendix 2", "appendix a", "appendix b"] where text.lowercased().hasPrefix(label) {
                text = String(text.dropFirst(label.count)).trimmingCharacters(in: CharacterSet(charactersIn: " –-:"))
            }
            let words = text.split(separator: " ")
            guard text.lowercased().contains("improvement plan"), words.count <= 16, !text.hasSuffix("."), !text.lowercased().hasPrefix("the ") else { continue }
            candidates.append((line, text))
        }
        // The plan's own title page gives its phase and its date ("… Phase 2: July 24"); a cover or a list of appendices
        // names it more briefly.
        func dated(_ text: String) -> Bool {
            guard let colon = text.lastIndex(of: ":") else { return false }
            let after = Timescale(reading: String(text[text.index(after: colon)...]))
            return after.start != nil || after.end != nil
        }
        guard let chosen = candidates.first(where: { version($0.text) != nil && dated($0.text) }) ?? candidates.first(where: { version($0.text) != nil })
            ?? candidates.first
        else { return nil }
        var text = chosen.text
        var period = ""
        if let colon = text.lastIndex(of: ":") {
            let after = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !after.isEmpty, Timescale(reading: after).start != nil || Timescale(reading: after).end != nil {
                period = after
                text = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
            }
        }
        var label = "Version 1"
        var number = 1
        if let (found, n, range) = version(text) {
            label = found
            number = n
            text.removeSubrange(range)
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: " –-:,"))
        }
        return PrintedPlan(
            title: text, versionLabel: label, versionNumber: number, period: period, owner: "", itemNumber: nil, priorities: [], indicators: [], audits: [],
            line: chosen.line.number)
    }

    /// "Phase 2", "Version 3", "v2" in a title, with its number and where it is.
    static func version(_ text: String) -> (String, Int, Range<String.Index>)? {
        let pattern = /(?i)\b(phase|version|v)\s*(\d{1,2})\b/
        guard let match = text.firstMatch(of: pattern), let number = Int(match.2) else { return nil }
        let word = match.1.lowercased() == "v" ? "Version" : match.1.prefix(1).uppercased() + match.1.dropFirst().lowercased()
        return ("\(word) \(number)", number, match.range)
    }

    /// The body a plan names as owning it: "The Improvement board is the key partnership body with ownership of the
    /// improvement plan" gives "Improvement Board".
    static func owner(_ lines: [SourceLine]) -> String {
        for line in lines {
            guard let match = line.text.firstMatch(of: /(?i)^(?:the\s+)?(.{3,80}?)\s+(?:is|are)\s+the\s+.{0,60}?\b(?:ownership|owner|owns)\b.{0,20}\bplan\b/) else { continue }
            return match.1.split(separator: " ").map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined(separator: " ")
        }
        return ""
    }

    // MARK: Priorities and actions

    /// A heading that numbers a priority: "Ofsted Recommendation 3", "Priority 2", "Objective 4".
    static func priorityHeading(_ text: String) -> (String, Int)? {
        guard text.split(separator: " ").count <= 5,
            let match = text.firstMatch(of: /(?i)^(.{0,30}?\b(?:recommendation|priority|objective))\s+(\d{1,2})\s*:?$/), let number = Int(match.2)
        else { return nil }
        return (text.trimmingCharacters(in: CharacterSet(charactersIn: " :")), number)
    }

    static func readPriorities(_ lines: [SourceLine]) -> [Priority] {
        var priorities: [Priority] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let text = line.isTableRow ? line.filledCells.joined(separator: " ") : line.text
            guard let (heading, number) = priorityHeading(text.trimmingCharacters(in: .whitespaces)) else {
                index += 1
                continue
            }
            var priority = Priority(number: number, heading: heading, text: "")
            index += 1
            var inActions = false
            var inMeasures = false
            while index < lines.count {
                let line = lines[index]
                let cells = line.isTableRow ? line.filledCells : [line.text]
                let joined = cells.joined(separator: " ").trimmingCharacters(in: .whitespaces)
                if priorityHeading(joined) != nil { break }
                let lower = joined.lowercased()
                if lower.hasPrefix("actions we will take") || (cells.count >= 2 && cells[0].lowercased().hasPrefix("action") && cells.last!.lowercased().hasPrefix("timescale")) {
                    inActions = true
                    inMeasures = false
                } else if lower.hasPrefix("measures of success") {
                    inMeasures = true
                    let rest = line.isTableRow ? (line.cells ?? []).map(\.raw).joined(separator: " ") : line.raw
                    priority.measures += statements(rest, dropping: "measures of success")
                } else if inActions {
                    // The actions table ends at the first line that is not one of its rows.
                    guard line.isTableRow else { break }
                    let row = line.filledCells
                    guard let first = row.first else {
                        index += 1
                        continue
                    }
                    let what = statements((line.cells ?? []).first { !$0.text.isEmpty }.map(\.raw) ?? first, dropping: "").joined(separator: " ")
                    let lead = row.count > 1 ? row[1] : ""
                    let when = row.count > 2 ? row[2...].joined(separator: " ") : ""
                    priority.actions.append(
                        PlanAction(number: "\(number).\(priority.actions.count + 1)", text: what.isEmpty ? first : what, lead: lead, timescale: Timescale(reading: when)))
                } else if inMeasures, !line.isTableRow, line.listLevel != nil || line.raw.trimmingCharacters(in: .whitespaces).hasPrefix("•") {
                    priority.measures += statements(line.raw, dropping: "")
                } else if priority.text.isEmpty, !joined.isEmpty {
                    priority.text = Markup.paragraphs(line.isTableRow ? (line.cells ?? []).map(\.raw).joined(separator: " ") : line.raw).joined(separator: " ")
                    if priority.text.isEmpty { priority.text = joined }
                }
                index += 1
            }
            if !priority.text.isEmpty || !priority.actions.isEmpty { priorities.append(priority) }
        }
        // A plan's priorities are numbered once each; a summary listing them again is not a second plan.
        var seen: Set<Int> = []
        return priorities.filter { seen.insert($0.number).inserted && !$0.actions.isEmpty }
    }

    /// The statements of a cell or line: its list items or bullets ("• Our corporate responsibility …"), without a
    /// leading label.
    static func statements(_ raw: String, dropping label: String) -> [String] {
        var parts = Markup.paragraphs(raw).flatMap { $0.components(separatedBy: "•") }
        parts = parts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " -–\t")) }.filter { !$0.isEmpty }
        if !label.isEmpty, let first = parts.first, first.lowercased().hasPrefix(label) {
            let rest = first.dropFirst(label.count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            parts[0] = rest
            parts = parts.filter { !$0.isEmpty }
        }
        return parts
    }

    // MARK: Figures

    /// A value as printed: "79%", "96.51%", "51/124 (41%)", "105".
    static func value(_ text: String) -> (value: Double, numerator: Int?, denominator: Int?, isPercent: Bool)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let match = trimmed.firstMatch(of: /^(\d+)\s*\/\s*(\d+)\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)/), let n = Int(match.1), let d = Int(match.2), let v = Double(match.3) {
            return (v, n, d, true)
        }
        if let match = trimmed.firstMatch(of: /^(\d+(?:\.\d+)?)\s*(%?)/), let v = Double(match.1), v < 1e12 { return (v, nil, nil, !match.2.isEmpty) }
        return nil
    }

    /// A period in a statement of change: "22/23", "2023/24", "2024".
    static func period(in text: String) -> String? {
        // A financial year ("22/23", "2023/24": consecutive years, not a fraction such as 51/124) or a year.
        for match in text.matches(of: /\b(?:\d{2}|\d{4})\/\d{2}\b/) where Timescale.financialYear(String(match.0)) != nil { return String(match.0) }
        return text.firstMatch(of: /\b(?:19|20)\d{2}\b(?!\/)/).map { String($0.0) }
    }

    static func readIndicators(_ lines: [SourceLine]) -> [PrintedIndicator] {
        var indicators: [PrintedIndicator] = []
        var lastPeriods: (String, String)?
        for line in lines where !line.isTableRow {
            let text = line.text.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
            // "Name: 22/23: 79% increased to 89% for 23/24" (the separator may be a dash).
            if let match = text.firstMatch(of: /^(.{3,120}?)\s*[:–-]\s*((?:\d{2}|\d{4})\/\d{2})\s*:\s*([\d.\/%\s()]+?)\s+(?:increased|decreased|reduced|rose|fell|improved|declined)\s+to\s+([\d.\/%\s()]+?)\s+(?:for|in)\s+((?:\d{2}|\d{4})\/\d{2})/) {
                if let indicator = indicator(String(match.1), String(match.3), String(match.2), String(match.4), String(match.5), text) {
                    add(indicator, to: &indicators)
                    lastPeriods = (String(match.2), String(match.5))
                }
                continue
            }
            // "Name has increased from 51/124 (41%) to 74/144 (51%)", "… from 105 (2022/23) to 88 (2023/24) per 10,000",
            // "… from 49% at 22/23 to 67% 2023/24".
            if let match = text.firstMatch(of: /^(.{3,140}?)\s+(?:has|have)\s+(?:increased|decreased|reduced|risen|fallen|improved|grown)\s+from\s+(.+?)\s+to\s+(.+)$/) {
                let (before, after) = (String(match.2), String(match.3))
                let p1 = period(in: before)
                let p2 = period(in: after)
                guard let from = p1 ?? lastPeriods?.0, let to = p2 ?? lastPeriods?.1 else { continue }
                if let indicator = indicator(String(match.1), before, from, after, to, text) { add(indicator, to: &indicators) }
            }
        }
        return indicators
    }

    /// An indicator from a statement of its change: its name, the values and their periods.
    static func indicator(_ rawName: String, _ first: String, _ firstPeriod: String, _ second: String, _ secondPeriod: String, _ statement: String) -> PrintedIndicator? {
        guard let a = value(first), let b = value(second), let endA = Observation.periodEnd(normalisedPeriod(firstPeriod)),
            let endB = Observation.periodEnd(normalisedPeriod(secondPeriod)), endA < endB
        else { return nil }
        var name = rawName.trimmingCharacters(in: CharacterSet(charactersIn: " -–:•"))
        for prefix in ["The number of ", "The proportion of ", "Number of "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
            name = name.prefix(1).uppercased() + name.dropFirst()
        }
        let lower = statement.lowercased()
        let unit: Indicator.Unit = a.isPercent || b.isPercent ? .percent : lower.contains("per 10,000") ? .per10000 : .count
        // Timeliness and permanence are better higher; a count of enquiries or plans that the plan reports as reduced
        // is better lower.
        let timely = ["within", "timeliness", "timely", "permanent", "completed", "progressed"].contains { lower.contains($0) }
        let fewer = ["reduced", "decreased", "fallen", "fell"].contains { lower.contains($0) }
        return PrintedIndicator(
            name: name, unit: unit, higherIsBetter: timely || !fewer,
            observations: [
                Observation(period: normalisedPeriod(firstPeriod), ends: endA, value: a.value, numerator: a.numerator, denominator: a.denominator),
                Observation(period: normalisedPeriod(secondPeriod), ends: endB, value: b.value, numerator: b.numerator, denominator: b.denominator),
            ])
    }

    /// "22/23" → "2022/23".
    static func normalisedPeriod(_ text: String) -> String {
        let parts = text.split(separator: "/")
        if parts.count == 2, parts[0].count == 2, parts[1].count == 2 { return "20\(parts[0])/\(parts[1])" }
        return text
    }

    static func add(_ indicator: PrintedIndicator, to list: inout [PrintedIndicator]) {
        if let index = list.firstIndex(where: { $0.name == indicator.name }) {
            for observation in indicator.observations where !list[index].observations.contains(where: { $0.period == observation.period }) {
                list[index].observations.append(observation)
            }
        } else {
            list.append(indicator)
        }
    }

    // MARK: Audit grades

    nonisolated(unsafe) static let grades: [(String, WritableKeyPath<AuditGrades, Double?>)] = [
        ("requires improvement", \.requiresImprovement), ("inadequate", \.inadequate), ("outstanding", \.outstanding), ("good", \.good),
    ]

    /// Grades by month: "November 2023; 35% of audits were rated as Inadequate, 38% were rated as Requires Improvement
    /// and 22% as Good"; "no audits graded Inadequate in June"; "June … audits graded Good (43.75%)". A month without a
    /// year takes the last year the paper named before it.
    static func readAudits(_ lines: [SourceLine]) -> [AuditGrades] {
        var found: [AuditGrades] = []
        var lastYear: Int?
        for line in lines where !line.isTableRow {
            let text = line.text
            let lower = text.lowercased()
            defer { if let year = text.matches(of: /\b(20\d{2})\b/).last.flatMap({ Int($0.1) }) { lastYear = year } }
            guard lower.contains("audit"), lower.contains("graded") || lower.contains("rated") else { continue }
            // A month and year, then percentages each followed by its grade.
            if let match = text.firstMatch(of: /\b([A-Z][a-z]+)\s+(20\d{2})\s*[;:,–-]\s*(.+)$/), let month = Timescale.month(match.1.lowercased()), let year = Int(match.2) {
                var month = AuditGrades(month: CalendarDay(year, month, 1), source: "")
                var any = false
                for share in match.3.matches(of: /(\d+(?:\.\d+)?)%/) {
                    let rest = match.3[share.range.upperBound...].lowercased()
                    let next = grades.compactMap { grade, path in rest.range(of: grade).map { ($0.lowerBound, path) } }.min { $0.0 < $1.0 }
                    if let (_, path) = next, let value = Double(share.1) {
                        month[keyPath: path] = value
                        any = true
                    }
                }
                if any { merge([month], into: &found) }
                continue
            }
            // "no audits graded Inadequate in June" and "June … audits graded Good (43.75%)".
            for match in lower.matches(of: /no audits (?:graded|rated)(?: as)? (requires improvement|inadequate|outstanding|good) in ([a-z]+)/) {
                guard let month = Timescale.month(String(match.2)), let year = lastYear, let path = grades.first(where: { $0.0 == String(match.1) })?.1 else { continue }
                var graded = AuditGrades(month: CalendarDay(year, month, 1))
                graded[keyPath: path] = 0
                merge([graded], into: &found)
            }
            // "June also had the highest number of audits graded Good (43.75%)": a month, then a grade with its share.
            for match in lower.matches(of: /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b[^.;]{0,80}?\baudits (?:graded|rated)(?: as)? (requires improvement|inadequate|outstanding|good) \((\d+(?:\.\d+)?)%\)/) {
                guard let month = Timescale.month(String(match.1)), let year = lastYear, let path = grades.first(where: { $0.0 == String(match.2) })?.1,
                    let value = Double(match.3)
                else { continue }
                var graded = AuditGrades(month: CalendarDay(year, month, 1))
                graded[keyPath: path] = value
                merge([graded], into: &found)
            }
        }
        return found
    }

    static func merge(_ incoming: [AuditGrades], into list: inout [AuditGrades]) {
        for grades in incoming {
            if let index = list.firstIndex(where: { $0.month == grades.month }) { list[index].merge(grades) } else { list.append(grades) }
        }
    }
}
