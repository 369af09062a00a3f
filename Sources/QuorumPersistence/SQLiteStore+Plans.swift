public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// Improvement plans, held whole as JSON beside their council: a plan is read and written as one record, and every
/// change is audited with the plan before and after.
extension SQLiteStore {
    public func plans() async throws -> [ImprovementPlan] {
        try await pageReaders.read { db in
            try Row.fetchAll(db, sql: "SELECT id, plan FROM improvementPlan ORDER BY title").compactMap { row in
                do {
                    return try Self.decodePlan(row)
                } catch {
                    // One plan that cannot be read fails only its own page.
                    FileHandle.standardError.write(Data("quorum: \(error), so it is left out\n".utf8))
                    return nil
                }
            }
        }
    }

    public func plan(slug: String) async throws -> ImprovementPlan? {
        try await pageReaders.read { db in
            try Row.fetchOne(db, sql: "SELECT id, plan FROM improvementPlan WHERE id LIKE ? ESCAPE '\\'", arguments: ["%/" + escapeLike(slug)]).map(Self.decodePlan)
        }
    }

    public func updatePlan(
        _ id: ImprovementPlan.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout ImprovementPlan) throws -> Void
    ) async throws -> ImprovementPlan {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, plan FROM improvementPlan WHERE id = ?", arguments: [id.rawValue]) else {
                throw StoreError.notFound(entity: "improvement plan", id: id.rawValue)
            }
            let held = try Self.decodePlan(row)
            var changed = held
            try change(&changed)
            guard changed.id == held.id, changed.authority == held.authority else { throw StoreError.invalid("A plan's identity cannot be changed.") }
            guard changed != held else { return held }
            try Self.writePlan(changed, db)
            try Audit.record(.updated, "improvementPlan", id.rawValue, before: held, after: changed, by: actor, at: date, in: db)
            return changed
        }
    }

    public func indicators(namedBy recommendation: Recommendation.ID) async throws -> [(plan: ImprovementPlan, indicator: Indicator)] {
        try await pageReaders.read { db in
            let ids = try String.fetchAll(db, sql: "SELECT indicatorId FROM recommendationIndicator WHERE recommendationId = ? ORDER BY rowid", arguments: [recommendation.rawValue])
            var found: [(ImprovementPlan, Indicator)] = []
            for id in ids {
                guard let plan = try Self.plan(holding: .init(id), db), let indicator = plan.indicator(.init(id)) else { continue }
                found.append((plan, indicator))
            }
            return found
        }
    }

    public func setIndicators(_ indicators: [Indicator.ID], for recommendation: Recommendation.ID, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard try RecommendationRecord.fetchOne(db, key: recommendation.rawValue) != nil else {
                throw StoreError.notFound(entity: "recommendation", id: recommendation.rawValue)
            }
            for id in indicators where try Self.plan(holding: id, db)?.indicator(id) == nil { throw StoreError.notFound(entity: "indicator", id: id.rawValue) }
            let before = try String.fetchAll(db, sql: "SELECT indicatorId FROM recommendationIndicator WHERE recommendationId = ? ORDER BY rowid", arguments: [recommendation.rawValue])
            let after = indicators.map(\.rawValue)
            guard before != after else { return }
            try db.execute(sql: "DELETE FROM recommendationIndicator WHERE recommendationId = ?", arguments: [recommendation.rawValue])
            for id in after { try db.execute(sql: "INSERT OR IGNORE INTO recommendationIndicator (recommendationId, indicatorId) VALUES (?, ?)", arguments: [recommendation.rawValue, id]) }
            try Audit.record(.updated, "recommendation", recommendation.rawValue, before: ["indicators": before], after: ["indicators": after], by: actor, at: date, in: db)
        }
    }

    /// The plan an indicator belongs to: its identifier is the plan's with "/indicators/…".
    static func plan(holding indicator: Indicator.ID, _ db: Database) throws -> ImprovementPlan? {
        guard let range = indicator.rawValue.range(of: "/indicators/") else { return nil }
        let planID = String(indicator.rawValue[..<range.lowerBound])
        return try Row.fetchOne(db, sql: "SELECT id, plan FROM improvementPlan WHERE id = ?", arguments: [planID]).map(decodePlan)
    }

    static func decodePlan(_ row: Row) throws -> ImprovementPlan {
        let id: String = row["id"]
        do {
            return try JSONDecoder().decode(ImprovementPlan.self, from: Data((row["plan"] as String).utf8))
        } catch {
            throw StoreError.corruptRow(table: "improvementPlan", id: id, reason: "the plan cannot be read")
        }
    }

    static func writePlan(_ plan: ImprovementPlan, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(
            sql: """
                INSERT INTO improvementPlan (id, authorityId, title, plan) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, plan = excluded.plan
                """,
            arguments: [plan.id.rawValue, plan.authority.rawValue, plan.title, String(decoding: try encoder.encode(plan), as: UTF8.self)])
    }

    /// Writes the plans an import brings, merged with what is held: a version replaces the held one of the same number
    /// (keeping the progress officers recorded on its actions), other versions stay; figures are added for periods not
    /// yet held, and an indicator keeps the settings officers gave it; audit grades fill in months. Audited.
    static func mergePlans(_ plans: [ImprovementPlan], by actor: String, at date: Date, _ db: Database, summary: inout SaveSummary) throws {
        for incoming in plans {
            let held = try Row.fetchOne(db, sql: "SELECT id, plan FROM improvementPlan WHERE id = ?", arguments: [incoming.id.rawValue]).map(decodePlan)
            var merged = held ?? incoming
            if let held {
                if !incoming.owner.isEmpty { merged.owner = incoming.owner }
                for version in incoming.versions {
                    var version = version
                    if let old = held.version(version.number) {
                        for p in version.priorities.indices {
                            for a in version.priorities[p].actions.indices {
                                // An action is the same one if it says the same: numbers follow rows, and rows move.
                                let action = version.priorities[p].actions[a]
                                let kept = old.priorities.flatMap(\.actions).first { $0.text == action.text }?.progress ?? []
                                version.priorities[p].actions[a].progress = kept
                            }
                        }
                    }
                    merged.versions.removeAll { $0.number == version.number }
                    merged.versions.append(version)
                }
                merged.versions.sort { $0.number < $1.number }
                for indicator in incoming.indicators {
                    if let index = merged.indicators.firstIndex(where: { $0.id == indicator.id }) {
                        for observation in indicator.observations where !merged.indicators[index].observations.contains(where: { $0.ends == observation.ends }) {
                            merged.indicators[index].record(observation)
                        }
                    } else {
                        merged.indicators.append(indicator)
                    }
                }
                for grades in incoming.audits {
                    if let index = merged.audits.firstIndex(where: { $0.month == grades.month }) { merged.audits[index].merge(grades) } else { merged.audits.append(grades) }
                }
                merged.audits.sort { $0.month < $1.month }
            }
            guard merged != held else {
                summary.unchanged += 1
                continue
            }
            if held == nil { summary.created += 1 } else { summary.updated += 1 }
            try writePlan(merged, db)
            try Audit.record(held == nil ? .created : .updated, "improvementPlan", merged.id.rawValue, before: held, after: merged, by: actor, at: date, in: db)
        }
    }
}
