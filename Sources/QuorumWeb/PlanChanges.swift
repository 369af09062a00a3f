import Foundation
import NIOCore
import QuorumDomain
import QuorumIngest

/// The rules for recording an improvement plan's figures, audit grades, indicators and the progress of its actions:
/// read from a form, with what is wrong beside its field; a CSV of figures is recorded whole or not at all.
enum PlanChanges {
    typealias Change = @Sendable (inout ImprovementPlan) throws -> Void

    static func change(_ step: String, _ form: FormSubmission, on plan: ImprovementPlan, by actor: String, today: CalendarDay) -> Result<Change, FieldErrors> {
        var errors = FieldErrors()
        func number(_ name: String, required: Bool, _ what: String) -> Double? {
            let text = form[name].trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if required { errors[name] = "Enter \(what)" }
                return nil
            }
            guard let value = Indicator.figure(text) else {
                errors[name] = "\(what.prefix(1).uppercased() + what.dropFirst()) must be a number, such as 89 or 96.5"
                return nil
            }
            return value
        }
        func whole(_ name: String, _ what: String) -> Int? {
            let text = form[name]
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), value >= 0 else {
                errors[name] = "\(what) must be a whole number"
                return nil
            }
            return value
        }
        switch step {
        case "figure":
            let indicator = plan.indicators.first { PlanRoutes.key($0.id) == form["indicator"] }
            if indicator == nil { errors["indicator"] = "Choose the indicator" }
            let period = form["period"]
            let ends = Observation.periodEnd(period)
            if period.isEmpty { errors["period"] = "Enter the period, such as 2024/25 or March 2025" } else if ends == nil {
                errors["period"] = "Enter the period as a financial year (2024/25), a month and year (March 2025) or a year (2025)"
            }
            let value = number("value", required: true, "the figure")
            let (n, d) = (whole("numerator", "The numerator"), whole("denominator", "The denominator"))
            if errors.isEmpty, let indicator, let value, let problem = indicator.unit.problem(value: value, numerator: n, denominator: d) {
                errors[problem.part.rawValue] = problem.message
            }
            guard errors.isEmpty, let indicator, let ends, let value else { return .failure(errors) }
            let observation = Observation(period: period, ends: ends, value: value, numerator: n, denominator: d, source: "recorded by \(actor) on \(today.councilStyle)")
            let id = indicator.id
            return .success { plan in
                guard let index = plan.indicators.firstIndex(where: { $0.id == id }) else { throw ChangeRefusal("indicator", "That indicator is no longer in the plan") }
                plan.indicators[index].record(observation)
            }
        case "upload":
            guard let file = form.files["file"] else { return .failure(FieldErrors(messages: ["file": "Select a CSV file of the period's figures"])) }
            let bytes = Data(file.bytes.readableBytesView)
            let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1252) ?? ""
            switch figures(text, on: plan, source: "uploaded by \(actor) on \(today.councilStyle)") {
            case .failure(let problems):
                let shown = problems.all.prefix(10).map { "\(file.filename) \($0)" }.joined(separator: "; ")
                return .failure(FieldErrors(messages: ["file": "Nothing was recorded. " + shown + (problems.all.count > 10 ? "; and \(problems.all.count - 10) more" : "")]))
            case .success(let read):
                return .success { plan in
                    for (id, observation) in read {
                        guard let index = plan.indicators.firstIndex(where: { $0.id == id }) else { throw ChangeRefusal("file", "An indicator of the file is no longer in the plan") }
                        plan.indicators[index].record(observation)
                    }
                }
            }
        case "indicator":
            let name = form["name"]
            if name.isEmpty { errors["name"] = "Enter the indicator's name" } else if name.count > 200 { errors["name"] = "The name must be 200 characters or fewer" }
            guard let unit = Indicator.Unit(rawValue: form["unit"]) else { return .failure(FieldErrors(messages: ["unit": "Choose the unit"])) }
            guard ["yes", "no"].contains(form["higher_is_better"]) else { return .failure(FieldErrors(messages: ["higher_is_better": "Choose which direction is good"])) }
            let target = number("target", required: false, "the target")
            let frequency = form["frequency"]
            if frequency.count > 100 { errors["frequency"] = "This must be 100 characters or fewer" }
            let existing = form["existing"].isEmpty ? nil : plan.indicators.first { PlanRoutes.key($0.id) == form["existing"] }
            if !form["existing"].isEmpty, existing == nil { errors["existing"] = "Choose an indicator of the plan, or none to add one" }
            let new = Indicator(named: name, of: plan.id, unit: unit, higherIsBetter: form["higher_is_better"] == "yes")
            if existing == nil, plan.indicator(new.id) != nil { errors["name"] = "The plan already has an indicator called \(name)" }
            guard errors.isEmpty else { return .failure(errors) }
            let higher = form["higher_is_better"] == "yes"
            return .success { plan in
                if let id = existing?.id, let index = plan.indicators.firstIndex(where: { $0.id == id }) {
                    plan.indicators[index].name = name
                    plan.indicators[index].unit = unit
                    plan.indicators[index].higherIsBetter = higher
                    plan.indicators[index].target = target
                    plan.indicators[index].frequency = frequency
                } else {
                    var added = new
                    added.target = target
                    added.frequency = frequency
                    plan.indicators.append(added)
                }
            }
        case "progress":
            let number = form["action"]
            guard let latest = plan.latest, latest.priorities.flatMap(\.actions).contains(where: { $0.number == number }) else {
                return .failure(FieldErrors(messages: ["action": "Choose the action"]))
            }
            var day: CalendarDay?
            switch form.date("progress_day") {
            case .success(let value): day = value
            case .failure(let problem): errors["progress_day"] = problem.message(for: "The date of the progress")
            }
            if let chosen = day, chosen > today { errors["progress_day"] = "The date of the progress must be today or in the past" }
            let note = form["note"]
            if note.isEmpty { errors["note"] = "Enter the progress made" } else if note.count > 5_000 { errors["note"] = "The progress must be 5,000 characters or fewer" }
            guard errors.isEmpty, let day else { return .failure(errors) }
            let recorded = ProgressNote(day: day, text: note, isComplete: !form["complete"].isEmpty, by: actor)
            let versionNumber = latest.number
            return .success { plan in
                guard let v = plan.versions.firstIndex(where: { $0.number == versionNumber }) else { throw ChangeRefusal("action", "That version is no longer held") }
                for p in plan.versions[v].priorities.indices {
                    for a in plan.versions[v].priorities[p].actions.indices where plan.versions[v].priorities[p].actions[a].number == number {
                        plan.versions[v].priorities[p].actions[a].progress.append(recorded)
                        plan.versions[v].priorities[p].actions[a].progress.sort { $0.day < $1.day }
                    }
                }
            }
        case "audit":
            let words = form["month"].split(separator: " ").map(String.init)
            var month: CalendarDay?
            if words.count == 2, let m = Timescale.month(words[0].lowercased()), let y = Int(words[1]), (1990...2100).contains(y) { month = CalendarDay(y, m, 1) } else {
                errors["month"] = "Enter the month and year, such as September 2024"
            }
            let shares = ["outstanding", "good", "requires_improvement", "inadequate"].map { number($0, required: false, "the share") }
            for (name, share) in zip(["outstanding", "good", "requires_improvement", "inadequate"], shares) where share.map({ $0 < 0 || $0 > 100 }) ?? false {
                errors[name] = "A share must be between 0 and 100"
            }
            if errors.isEmpty, shares.allSatisfy({ $0 == nil }) { errors["good"] = "Enter at least one grade's share" }
            if errors.isEmpty, shares.compactMap({ $0 }).reduce(0, +) > 100.5 { errors["inadequate"] = "The shares add up to more than 100%" }
            guard errors.isEmpty, let month else { return .failure(errors) }
            let grades = AuditGrades(
                month: month, outstanding: shares[0], good: shares[1], requiresImprovement: shares[2], inadequate: shares[3], source: "recorded by \(actor) on \(today.councilStyle)")
            return .success { plan in
                plan.audits.removeAll { $0.month == grades.month }
                plan.audits.append(grades)
                plan.audits.sort { $0.month < $1.month }
            }
        default:
            return .failure(FieldErrors(messages: ["step": "The form asked for something this page does not do"]))
        }
    }

    /// A period's figures from CSV: a header with Indicator, Period and Value (and Numerator, Denominator), a figure a
    /// line. Every line is checked; one that cannot be read fails the file, with its line.
    static func figures(_ text: String, on plan: ImprovementPlan, source: String) -> Result<[(Indicator.ID, Observation)], CSVTable.Problems> {
        let table: CSVTable
        do { table = try CSVTable(text) } catch { return .failure(.init([error])) }
        var problems: [CSVTable.Problem] = []
        let (name, period, value) = (table.column("indicator", "measure", "name"), table.column("period"), table.column("value", "figure"))
        let (numerator, denominator) = (table.column("numerator"), table.column("denominator"))
        for (column, label) in [(name, "Indicator"), (period, "Period"), (value, "Value")] where column == nil {
            problems.append(.init(line: 1, message: "the header has no \(label) column"))
        }
        guard problems.isEmpty else { return .failure(.init(problems)) }
        var read: [(Indicator.ID, Observation)] = []
        let needed = [name, period, value, numerator, denominator].compactMap { $0 }.max() ?? 0
        for row in table.rows {
            // A line cut short is not a figure without its denominator: it is refused.
            if row.fields.count <= needed, row.fields.count < table.header.count {
                problems.append(.init(line: row.line, message: "the line has \(row.fields.count) fields, and the header has \(table.header.count)"))
                continue
            }
            let indicator = plan.indicators.first { $0.name.lowercased() == row[name].lowercased() }
            if indicator == nil { problems.append(.init(line: row.line, message: "the plan has no indicator called ‘\(row[name])’")) }
            let ends = Observation.periodEnd(row[period])
            if ends == nil { problems.append(.init(line: row.line, message: "the period ‘\(row[period])’ is not a financial year, a month or a year")) }
            let number = Indicator.figure(row[value])
            if number == nil { problems.append(.init(line: row.line, message: "the value ‘\(row[value])’ is not a number")) }
            func whole(_ column: Int?, _ label: String) -> Int? {
                let text = row[column]
                guard !text.isEmpty else { return nil }
                guard let n = Int(text), n >= 0 else {
                    problems.append(.init(line: row.line, message: "the \(label) ‘\(text)’ is not a whole number"))
                    return nil
                }
                return n
            }
            let (n, d) = (whole(numerator, "numerator"), whole(denominator, "denominator"))
            if let indicator, let number, let problem = indicator.unit.problem(value: number, numerator: n, denominator: d) {
                problems.append(.init(line: row.line, message: problem.message.prefix(1).lowercased() + problem.message.dropFirst()))
            } else if let indicator, let ends, let number {
                read.append((indicator.id, Observation(period: row[period], ends: ends, value: number, numerator: n, denominator: d, source: source)))
            }
        }
        if table.rows.isEmpty { problems.append(.init(line: 2, message: "the file has a header but no figures")) }
        return problems.isEmpty ? .success(read) : .failure(.init(problems))
    }
}
