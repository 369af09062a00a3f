import QuorumDomain

/// An improvement plan in the API: in a list, a summary; alone, every version with its priorities and actions (each
/// action's status as worked out on the day), the indicators with their figures, and the audit grades. Every key is
/// present, `null` where the record does not know.
struct ApiPlan: Encodable {
    let plan: ImprovementPlan
    let today: CalendarDay
    let whole: Bool

    init(_ plan: ImprovementPlan, today: CalendarDay, whole: Bool) {
        self.plan = plan
        self.today = today
        self.whole = whole
    }

    private enum Keys: String, CodingKey {
        case id, title, owner, url, latest_version, versions, indicators, audits
        case number, label, period, event_id, item_number, priorities, heading, text, measures, actions, lead, timescale, start_date, end_date, recurring, status
        case progress, date, complete, name, unit, higher_is_better, target, frequency, observations, period_end, value, numerator, denominator, source
        case month, outstanding, good, requires_improvement, inadequate
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(plan.id.rawValue, forKey: .id)
        try c.encode(plan.title, forKey: .title)
        try c.encode(plan.owner.isEmpty ? nil : plan.owner, forKey: .owner)
        try c.encode(PlanRoutes.path(plan), forKey: .url)
        try c.encode(plan.latest?.label, forKey: .latest_version)
        guard whole else { return }
        var versions = c.nestedUnkeyedContainer(forKey: .versions)
        for version in plan.versions {
            var v = versions.nestedContainer(keyedBy: Keys.self)
            try v.encode(version.number, forKey: .number)
            try v.encode(version.label, forKey: .label)
            try v.encode(version.period.isEmpty ? nil : version.period, forKey: .period)
            try v.encode(version.meeting?.rawValue, forKey: .event_id)
            try v.encode(version.itemNumber, forKey: .item_number)
            var priorities = v.nestedUnkeyedContainer(forKey: .priorities)
            for priority in version.priorities {
                var p = priorities.nestedContainer(keyedBy: Keys.self)
                try p.encode(priority.number, forKey: .number)
                try p.encode(priority.heading, forKey: .heading)
                try p.encode(priority.text, forKey: .text)
                try p.encode(priority.measures, forKey: .measures)
                var actions = p.nestedUnkeyedContainer(forKey: .actions)
                for action in priority.actions {
                    var a = actions.nestedContainer(keyedBy: Keys.self)
                    try a.encode(action.number, forKey: .number)
                    try a.encode(action.text, forKey: .text)
                    try a.encode(action.lead, forKey: .lead)
                    try a.encode(action.timescale.text, forKey: .timescale)
                    try a.encode(action.timescale.start?.iso, forKey: .start_date)
                    try a.encode(action.timescale.end?.iso, forKey: .end_date)
                    try a.encode(action.timescale.isRecurring, forKey: .recurring)
                    try a.encode(action.status(on: today).rawValue, forKey: .status)
                    var progress = a.nestedUnkeyedContainer(forKey: .progress)
                    for note in action.progress {
                        var n = progress.nestedContainer(keyedBy: Keys.self)
                        try n.encode(note.day.iso, forKey: .date)
                        try n.encode(note.text, forKey: .text)
                        try n.encode(note.isComplete, forKey: .complete)
                    }
                }
            }
        }
        var indicators = c.nestedUnkeyedContainer(forKey: .indicators)
        for indicator in plan.indicators {
            var i = indicators.nestedContainer(keyedBy: Keys.self)
            try i.encode(indicator.id.rawValue, forKey: .id)
            try i.encode(indicator.name, forKey: .name)
            try i.encode(indicator.unit.rawValue, forKey: .unit)
            try i.encode(indicator.higherIsBetter, forKey: .higher_is_better)
            try i.encode(indicator.target, forKey: .target)
            try i.encode(indicator.frequency.isEmpty ? nil : indicator.frequency, forKey: .frequency)
            var observations = i.nestedUnkeyedContainer(forKey: .observations)
            for observation in indicator.observations {
                var o = observations.nestedContainer(keyedBy: Keys.self)
                try o.encode(observation.period, forKey: .period)
                try o.encode(observation.ends.iso, forKey: .period_end)
                try o.encode(observation.value, forKey: .value)
                try o.encode(observation.numerator, forKey: .numerator)
                try o.encode(observation.denominator, forKey: .denominator)
                try o.encode(observation.source, forKey: .source)
            }
        }
        var audits = c.nestedUnkeyedContainer(forKey: .audits)
        for grades in plan.audits {
            var g = audits.nestedContainer(keyedBy: Keys.self)
            try g.encode(String(grades.month.iso.prefix(7)), forKey: .month)
            try g.encode(grades.outstanding, forKey: .outstanding)
            try g.encode(grades.good, forKey: .good)
            try g.encode(grades.requiresImprovement, forKey: .requires_improvement)
            try g.encode(grades.inadequate, forKey: .inadequate)
        }
    }
}
